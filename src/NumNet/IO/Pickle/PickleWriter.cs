using System.Buffers.Binary;
using System.Numerics;

namespace NumNet.IO.Pickle;

/// <summary>
/// Writes Python's pickle format, protocol 4 (NumPy 2's <c>np.save</c> pickles with protocol 4), one opcode at a time.
/// </summary>
/// <remarks>
/// It writes neither frames nor memo entries: both are optional for every reader (a frame only announces a length,
/// the memo only shares repeated objects), and leaving them out keeps each value's bytes independent of the rest.
/// </remarks>
internal sealed class PickleWriter(Stream stream)
{
    private readonly Stream _stream = stream;

    /// <summary>The protocol header; the first thing written.</summary>
    public void Begin() => Op(PickleOpcode.Proto, 4);

    /// <summary>The STOP that ends the pickle.</summary>
    public void End() => Op(PickleOpcode.Stop);

    /// <summary>Python's <c>None</c>.</summary>
    public void None() => Op(PickleOpcode.None);

    /// <summary>A Python bool.</summary>
    public void Bool(bool value) => Op(value ? PickleOpcode.NewTrue : PickleOpcode.NewFalse);

    /// <summary>A Python int, in the shortest form Python's own pickler uses.</summary>
    public void Int(BigInteger value)
    {
        if (value >= 0 && value <= byte.MaxValue)
        {
            Op(PickleOpcode.BinInt1, (byte)value);
        }
        else if (value >= 0 && value <= ushort.MaxValue)
        {
            Span<byte> b = stackalloc byte[2];
            BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)value);
            Op(PickleOpcode.BinInt2, b);
        }
        else if (value >= int.MinValue && value <= int.MaxValue)
        {
            Span<byte> b = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(b, (int)value);
            Op(PickleOpcode.BinInt, b);
        }
        else
        {
            byte[] bytes = value.ToByteArray(isUnsigned: false, isBigEndian: false);
            if (bytes.Length < 256)
            {
                Op(PickleOpcode.Long1, (byte)bytes.Length);
            }
            else
            {
                Span<byte> n = stackalloc byte[4];
                BinaryPrimitives.WriteInt32LittleEndian(n, bytes.Length);
                Op(PickleOpcode.Long4, n);
            }
            _stream.Write(bytes);
        }
    }

    /// <summary>A Python float.</summary>
    public void Float(double value)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleBigEndian(b, value);
        Op(PickleOpcode.BinFloat, b);
    }

    /// <summary>A Python str (lone surrogates kept, as Python's pickler keeps them).</summary>
    public void Str(string value)
    {
        byte[] bytes = Wtf8.Encode(value);
        if (bytes.Length < 256)
            Op(PickleOpcode.ShortBinUnicode, (byte)bytes.Length);
        else
            Length(PickleOpcode.BinUnicode, PickleOpcode.BinUnicode8, bytes.Length);
        _stream.Write(bytes);
    }

    /// <summary>A Python bytes object.</summary>
    public void Bytes(ReadOnlySpan<byte> value)
    {
        if (value.Length < 256)
            Op(PickleOpcode.ShortBinBytes, (byte)value.Length);
        else
            Length(PickleOpcode.BinBytes, PickleOpcode.BinBytes8, value.Length);
        _stream.Write(value);
    }

    /// <summary>A module-level name (a class or function), as <c>STACK_GLOBAL</c>.</summary>
    public void Global(string module, string name)
    {
        Str(module);
        Str(name);
        Op(PickleOpcode.StackGlobal);
    }

    /// <summary>Starts a tuple or list whose items follow; close it with <see cref="EndTuple"/> or <see cref="Appends"/>.</summary>
    public void Mark() => Op(PickleOpcode.Mark);

    /// <summary>The tuple of everything written since the last <see cref="Mark"/>.</summary>
    public void EndTuple() => Op(PickleOpcode.Tuple);

    /// <summary>An empty list, to be filled by a <see cref="Mark"/>, its items and <see cref="Appends"/>.</summary>
    public void EmptyList() => Op(PickleOpcode.EmptyList);

    /// <summary>Appends everything written since the last <see cref="Mark"/> to the list below it.</summary>
    public void Appends() => Op(PickleOpcode.Appends);

    /// <summary>An empty dict.</summary>
    public void EmptyDict() => Op(PickleOpcode.EmptyDict);

    /// <summary>Calls the callable below the argument tuple on top (both written before).</summary>
    public void Reduce() => Op(PickleOpcode.Reduce);

    /// <summary>Gives the object below the state on top that state (<c>__setstate__</c>).</summary>
    public void Build() => Op(PickleOpcode.Build);

    private void Length(PickleOpcode op32, PickleOpcode op64, long length)
    {
        Span<byte> b = stackalloc byte[8];
        if (length <= uint.MaxValue)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)length);
            Op(op32, b[..4]);
        }
        else
        {
            BinaryPrimitives.WriteUInt64LittleEndian(b, (ulong)length);
            Op(op64, b);
        }
    }

    private void Op(PickleOpcode op) => _stream.WriteByte((byte)op);

    private void Op(PickleOpcode op, byte argument)
    {
        _stream.WriteByte((byte)op);
        _stream.WriteByte(argument);
    }

    private void Op(PickleOpcode op, ReadOnlySpan<byte> argument)
    {
        _stream.WriteByte((byte)op);
        _stream.Write(argument);
    }
}
