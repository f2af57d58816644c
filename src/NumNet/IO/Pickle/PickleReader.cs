using System.Buffers.Binary;
using System.Numerics;
using NumNet.Formatting;
using static System.FormattableString;

namespace NumNet.IO.Pickle;

/// <summary>
/// What a restricted unpickler may call: it names the globals it accepts and builds their objects itself. Nothing in
/// a pickle runs code of its own choosing; a global the resolver does not know ends the load.
/// </summary>
internal interface IPickleResolver
{
    /// <summary>The object a <c>GLOBAL</c>/<c>STACK_GLOBAL</c> names; throws <see cref="NotSupportedException"/> for any other.</summary>
    object Find(string module, string name);

    /// <summary>The result of <c>REDUCE</c>: <paramref name="callable"/> (from <see cref="Find"/>) applied to <paramref name="args"/>.</summary>
    object? Reduce(object callable, object?[] args);

    /// <summary>The result of <c>BUILD</c>: <paramref name="target"/> given <paramref name="state"/> (Python's <c>__setstate__</c>).</summary>
    object? Build(object? target, object? state);
}

/// <summary>A Python dict read from a pickle, in insertion order; only ever data, never looked up by the reader.</summary>
internal sealed class PythonDict
{
    /// <summary>The key-value pairs in the order they were set.</summary>
    public List<KeyValuePair<object?, object?>> Items { get; } = [];
}

/// <summary>
/// A restricted reader of Python's pickle format, protocols 2 to 5: the opcodes of plain values (None, bool, int,
/// float, str, bytes, tuple, list, dict), the memo, and calls only through an <see cref="IPickleResolver"/>. It
/// runs as a loop over the stream with an explicit stack, so deep nesting cannot overflow the process stack, and
/// every length it reads is checked against what the stream still holds before anything is allocated for it.
/// </summary>
internal sealed class PickleReader
{
    /// <summary>The most memo entries a pickle may define; each costs a dictionary slot, and NumPy's own need a few dozen.</summary>
    private const int MaxMemo = 1 << 24;

    /// <summary>Values larger than this are read in pieces of this size.</summary>
    private const int ChunkBytes = 1 << 20;

    private static readonly object MarkObject = new();

    private readonly Stream _stream;
    private readonly IPickleResolver _resolver;
    private readonly long _start;
    private long _remaining;
    private readonly List<object?> _stack = [];
    private readonly Stack<int> _marks = new();
    private readonly Dictionary<long, object?> _memo = [];

    private PickleReader(Stream stream, long maxBytes, IPickleResolver resolver)
    {
        _stream = stream;
        _resolver = resolver;
        _remaining = maxBytes;
        _start = maxBytes;
    }

    /// <summary>Reads one pickle from <paramref name="stream"/> and returns its value.</summary>
    /// <param name="stream">Positioned at the pickle; left just after its STOP opcode.</param>
    /// <param name="maxBytes">The most bytes the pickle may span (what the file still holds, or a member's cap).</param>
    /// <param name="resolver">The globals the pickle may name and how their objects are made.</param>
    /// <exception cref="InvalidDataException">A truncated or malformed pickle.</exception>
    /// <exception cref="NotSupportedException">An opcode or a global NumNet does not read.</exception>
    public static object? Read(Stream stream, long maxBytes, IPickleResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(resolver);
        return new PickleReader(stream, maxBytes, resolver).Run();
    }

    private object? Run()
    {
        while (true)
        {
            long at = _remaining;
            var op = (PickleOpcode)ReadByte();
            switch (op)
            {
                case PickleOpcode.Proto:
                    if (ReadByte() is > 5)
                        throw Malformed("a pickle protocol above 5");
                    break;
                case PickleOpcode.Frame:
                    // A frame only announces how many bytes follow; the opcodes inside are read as any others.
                    _ = ReadUInt64();
                    break;
                case PickleOpcode.Stop:
                    if (_stack.Count != 1 || _marks.Count != 0)
                        throw Malformed("a STOP that does not leave exactly one value");
                    return _stack[0];
                case PickleOpcode.None: Push(null); break;
                case PickleOpcode.NewTrue: Push(true); break;
                case PickleOpcode.NewFalse: Push(false); break;
                case PickleOpcode.BinInt1: Push((long)ReadByte()); break;
                case PickleOpcode.BinInt2: Push((long)BinaryPrimitives.ReadUInt16LittleEndian(ReadBytes(2))); break;
                case PickleOpcode.BinInt: Push((long)BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4))); break;
                case PickleOpcode.Long1: Push(PythonInt(ReadBytes(ReadByte()))); break;
                case PickleOpcode.Long4: Push(PythonInt(ReadBytes(ReadLength(4)))); break;
                case PickleOpcode.BinFloat: Push(BinaryPrimitives.ReadDoubleBigEndian(ReadBytes(8))); break;
                case PickleOpcode.ShortBinUnicode: Push(Wtf8.Decode(ReadBytes(ReadByte()))); break;
                case PickleOpcode.BinUnicode: Push(Wtf8.Decode(ReadBytes(ReadLength(4)))); break;
                case PickleOpcode.BinUnicode8: Push(Wtf8.Decode(ReadBytes(ReadLength(8)))); break;
                case PickleOpcode.ShortBinBytes: Push(ReadBytes(ReadByte())); break;
                case PickleOpcode.BinBytes: Push(ReadBytes(ReadLength(4))); break;
                case PickleOpcode.BinBytes8: Push(ReadBytes(ReadLength(8))); break;
                case PickleOpcode.EmptyTuple: Push(Array.Empty<object?>()); break;
                case PickleOpcode.Tuple1: Push(new[] { Pop() }); break;
                case PickleOpcode.Tuple2: { var b = Pop(); var a = Pop(); Push(new[] { a, b }); break; }
                case PickleOpcode.Tuple3: { var c = Pop(); var b = Pop(); var a = Pop(); Push(new[] { a, b, c }); break; }
                case PickleOpcode.Mark: _marks.Push(_stack.Count); Push(MarkObject); break;
                case PickleOpcode.Tuple: Push(PopToMark().ToArray()); break;
                case PickleOpcode.EmptyList: Push(new List<object?>()); break;
                case PickleOpcode.List: Push(PopToMark()); break;
                case PickleOpcode.Append: { var item = Pop(); ListOnTop().Add(item); break; }
                case PickleOpcode.Appends: { var items = PopToMark(); ListOnTop().AddRange(items); break; }
                case PickleOpcode.EmptyDict: Push(new PythonDict()); break;
                case PickleOpcode.SetItem: { var v = Pop(); var k = Pop(); DictOnTop().Items.Add(new(k, v)); break; }
                case PickleOpcode.SetItems: SetItems(PopToMark()); break;
                case PickleOpcode.BinPut: Memo(ReadByte()); break;
                case PickleOpcode.LongBinPut: Memo(BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4))); break;
                case PickleOpcode.Memoize: Memo(_memo.Count); break;
                case PickleOpcode.BinGet: Push(Recall(ReadByte())); break;
                case PickleOpcode.LongBinGet: Push(Recall(BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4)))); break;
                case PickleOpcode.Global:
                    {
                        string module = ReadLine(), name = ReadLine();
                        Push(_resolver.Find(module, name));
                        break;
                    }
                case PickleOpcode.StackGlobal:
                    {
                        if (Pop() is not string name || Pop() is not string module)
                            throw Malformed("a STACK_GLOBAL whose module and name are not strings");
                        Push(_resolver.Find(module, name));
                        break;
                    }
                case PickleOpcode.Reduce:
                    {
                        if (Pop() is not object?[] args)
                            throw Malformed("a REDUCE whose arguments are not a tuple");
                        var callable = Pop() ?? throw Malformed("a REDUCE of None");
                        Push(_resolver.Reduce(callable, args));
                        break;
                    }
                case PickleOpcode.Build:
                    {
                        var state = Pop();
                        Push(_resolver.Build(Pop(), state));
                        break;
                    }
                default:
                    throw new NotSupportedException(Invariant($"the pickle uses opcode 0x{(byte)op:x2} ({PythonRepr.Repr(((char)op).ToString())}) at byte {_start - at}, which NumNet does not read; NumNet reads the pickles NumPy writes for arrays of plain Python values"));
            }
        }
    }

    private void SetItems(List<object?> flat)
    {
        if (flat.Count % 2 != 0)
            throw Malformed("a SETITEMS with an odd number of items");
        var dict = DictOnTop();
        for (int i = 0; i < flat.Count; i += 2)
            dict.Items.Add(new(flat[i], flat[i + 1]));
    }

    private static object PythonInt(byte[] littleEndianTwosComplement)
    {
        var value = new BigInteger(littleEndianTwosComplement, isUnsigned: false, isBigEndian: false);
        return value >= long.MinValue && value <= long.MaxValue ? (object)(long)value : value;
    }

    private void Push(object? value) => _stack.Add(value);

    private object? Pop()
    {
        if (_stack.Count == 0 || (_marks.Count > 0 && _marks.Peek() == _stack.Count - 1))
            throw Malformed("an opcode that takes a value from an empty stack");
        var value = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        return value;
    }

    private List<object?> PopToMark()
    {
        if (_marks.Count == 0)
            throw Malformed("an opcode that needs a MARK without one");
        int mark = _marks.Pop();
        var items = _stack.GetRange(mark + 1, _stack.Count - mark - 1);
        _stack.RemoveRange(mark, _stack.Count - mark);
        return items;
    }

    private List<object?> ListOnTop() =>
        _stack.Count > 0 && _stack[^1] is List<object?> list ? list : throw Malformed("an APPEND to something that is not a list");

    private PythonDict DictOnTop() =>
        _stack.Count > 0 && _stack[^1] is PythonDict dict ? dict : throw Malformed("a SETITEM to something that is not a dict");

    private void Memo(long key)
    {
        if (_stack.Count == 0 || ReferenceEquals(_stack[^1], MarkObject))
            throw Malformed("a memo store with nothing to store");
        if (_memo.Count >= MaxMemo && !_memo.ContainsKey(key))
            throw Malformed("more memo entries than a NumPy pickle needs");
        _memo[key] = _stack[^1];
    }

    private object? Recall(long key) =>
        _memo.TryGetValue(key, out var value) ? value : throw Malformed(Invariant($"a memo fetch of entry {key}, which was never stored"));

    private int ReadByte()
    {
        if (_remaining < 1)
            throw Truncated();
        int b = _stream.ReadByte();
        if (b < 0)
            throw Truncated();
        _remaining--;
        return b;
    }

    private long ReadLength(int size)
    {
        var bytes = ReadBytes(size);
        ulong length = size == 4 ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        // Checked against what is left before a buffer is allocated: a hostile length cannot make us allocate gigabytes.
        if (length > (ulong)_remaining)
            throw Truncated();
        return (long)length;
    }

    private ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8));

    private byte[] ReadBytes(long count)
    {
        if (count > _remaining)
            throw Truncated();
        if (count > Array.MaxLength)
            throw new NotSupportedException(Invariant($"the pickle holds a value of {count} bytes, more than one .NET array can hold"));
        // A stream of unknown length may promise more than it holds: large values are read a chunk at a time, so
        // memory follows the bytes that arrive, not the length a damaged or hostile pickle claims.
        if (count > ChunkBytes)
            return ReadLargeBytes((int)count);
        var bytes = new byte[count];
        ReadInto(bytes);
        return bytes;
    }

    private byte[] ReadLargeBytes(int count)
    {
        using var collected = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        for (int left = count; left > 0; left -= ChunkBytes)
        {
            var part = chunk.AsSpan(0, Math.Min(ChunkBytes, left));
            ReadInto(part);
            collected.Write(part);
        }
        return collected.ToArray();
    }

    private void ReadInto(Span<byte> bytes)
    {
        int read = _stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        if (read < bytes.Length)
            throw Truncated();
        _remaining -= bytes.Length;
    }

    // The text of a protocol-0 GLOBAL: a module or name up to a newline, at most 256 bytes (Python's names are short).
    private string ReadLine()
    {
        var bytes = new List<byte>();
        while (true)
        {
            int b = ReadByte();
            if (b == '\n')
                return System.Text.Encoding.ASCII.GetString(bytes.ToArray());
            if (bytes.Count >= 256 || b >= 0x80)
                throw Malformed("a GLOBAL whose name is not a short ASCII line");
            bytes.Add((byte)b);
        }
    }

    private static InvalidDataException Truncated() => new("the pickle is truncated: it ends before its STOP opcode");

    private static InvalidDataException Malformed(string what) => new($"the pickle is malformed: {what}");
}
