using System.Text.Json.Nodes;
using NumNet.Memory;
using NumNet.Tests.Reliability.Fuzzing;

namespace NumNet.Tests.Reliability.Targets;

/// <summary>
/// <c>np.asarray</c> over <see cref="IArrayInterface"/> exports: random typestrs, shapes (huge and negative included),
/// strides (negative, zero, huge, unaligned), offsets and buffer lengths, over every kind of owner. Native memory
/// sits between guard pages and managed memory between poisoned fences, and every accepted view is read end to end
/// (copy, ravel, cast, print, first and last element) and written at its last element, so an unchecked layout
/// faults or damages a fence.
/// </summary>
internal sealed class ArrayInterfaceTarget : FuzzTarget<JsonObject>
{
    private static readonly string[] TypeStrs =
    [
        "<f8", "<f4", "<f2", "|u1", "|i1", "<i2", "<i4", ">i8", "<u8", "|b1", "<c8", ">c16", "<f16", "<c32", "<U1", "<U3",
        "|S1", "|S5", "|V3", "|V16", "|O", "<M8[s]", ">m8[ns]", "<M8", "|S0", "<U0", "|V0", "float64", "int32", "xyz", "",
        "<f3", "|u0", "<i-1", "<U99999999999",
    ];

    private static readonly string[] Owners = ["pointer", "pointer", "memory", "romemory", "bytes", "doubles", "native", "nullptr", "other"];
    private static readonly long[] HugeValues = [long.MaxValue, long.MinValue, 1L << 62, 1L << 40, -1, 1_000_000_000_000_000_000, 4294967296];

    public override string Name => "interface";

    public override JsonObject Generate(Random rng)
    {
        string typestr = TypeStrs[rng.Next(TypeStrs.Length)];
        int item = ItemSizeOf(typestr);
        int ndim = rng.Next(30) == 0 ? rng.Next(63, 67) : rng.Next(0, 5);
        var shape = new long[ndim];
        for (int i = 0; i < ndim; i++)
            shape[i] = ndim > 8 ? 1 : rng.Next(0, 6);
        // A layout that fits: contiguous strides, permuted and with random signs, the offset making room for the
        // negative ones and the buffer exactly as long as the extent.
        var strides = new long[ndim];
        long s = item;
        foreach (int i in Enumerable.Range(0, ndim).OrderBy(_ => rng.Next()))
        {
            strides[i] = rng.Next(4) == 0 ? -s : s;
            s *= Math.Max(shape[i], 1);
        }
        long offset = 0, high = item;
        for (int i = 0; i < ndim; i++)
        {
            if (shape[i] == 0) { offset = 0; high = 0; break; }
            if (strides[i] < 0) offset -= strides[i] * (shape[i] - 1); else high += strides[i] * (shape[i] - 1);
        }
        long length = offset + high + (rng.Next(3) == 0 ? rng.Next(0, 16) : 0);
        bool nullStrides = rng.Next(4) == 0;
        int mutations = rng.Next(3);
        for (int m = 0; m < mutations; m++)
        {
            int which = rng.Next(6);
            if (which == 0 && ndim > 0) shape[rng.Next(ndim)] = rng.Next(2) == 0 ? HugeValues[rng.Next(HugeValues.Length)] : rng.Next(-2, 9);
            else if (which == 1 && strides.Length > 0) strides[rng.Next(strides.Length)] = rng.Next(2) == 0 ? HugeValues[rng.Next(HugeValues.Length)] : rng.Next(-17, 17);
            else if (which == 2) offset = rng.Next(2) == 0 ? HugeValues[rng.Next(HugeValues.Length)] : offset + rng.Next(-9, 9);
            else if (which == 3) length = Math.Max(0, length + rng.Next(-9, 3));
            else if (which == 4 && strides.Length > 0) strides = strides[..rng.Next(strides.Length)];
            else nullStrides = !nullStrides;
        }
        return new JsonObject
        {
            ["typestr"] = typestr,
            ["shape"] = new JsonArray(shape.Select(x => (JsonNode?)x).ToArray()),
            ["strides"] = nullStrides ? null : new JsonArray(strides.Select(x => (JsonNode?)x).ToArray()),
            ["offset"] = offset,
            ["length"] = Math.Min(length, 1 << 20),
            ["owner"] = Owners[rng.Next(Owners.Length)],
            ["flushEnd"] = rng.Next(2) == 0,
            ["readonly"] = rng.Next(4) == 0,
        };
    }

    private static int ItemSizeOf(string typestr)
    {
        try
        {
            return Math.Max(1, np.dtype(typestr).ItemSize);
        }
        catch (ArgumentException)
        {
            return 1;
        }
    }

    public override void Execute(JsonObject spec)
    {
        long length = (long)spec["length"]!;
        string owner = (string)spec["owner"]!;
        var info = new ArrayInterfaceInfo(((JsonArray)spec["shape"]!).Select(x => (long)x!).ToArray(), (string)spec["typestr"]!)
        {
            Strides = spec["strides"] is JsonArray st ? st.Select(x => (long)x!).ToArray() : null,
            Offset = (long)spec["offset"]!,
            ReadOnly = (bool)spec["readonly"]!,
        };
        GuardedMemory? guarded = null;
        byte[]? fenced = null;
        NativeBuffer? native = null;
        const int Fence = 64;
        try
        {
            switch (owner)
            {
                case "pointer":
                    guarded = new GuardedMemory(length, (bool)spec["flushEnd"]!);
                    Pattern(guarded.Span);
                    info = info with { Pointer = guarded.Pointer, ByteLength = length };
                    break;
                case "nullptr":
                    info = info with { Pointer = 0, ByteLength = length };
                    break;
                case "memory" or "romemory":
                    fenced = new byte[length + 2 * Fence];
                    fenced.AsSpan().Fill(0xA5);
                    var memory = fenced.AsMemory(Fence, (int)length);
                    Pattern(memory.Span);
                    info = info with { Owner = owner == "memory" ? memory : (ReadOnlyMemory<byte>)memory };
                    break;
                case "bytes":
                    var bytes = new byte[length];
                    Pattern(bytes);
                    info = info with { Owner = bytes };
                    break;
                case "doubles":
                    info = info with { Owner = new double[length / 8] };
                    break;
                case "native":
                    native = new NativeBuffer(length);
                    info = info with { Owner = native };
                    break;
                default:
                    info = info with { Owner = "not memory" };
                    break;
            }
            Exercise(np.asarray(new Exporter(info)));
        }
        finally
        {
            bool intact = (guarded?.Verify() ?? true)
                && (fenced is null || (!fenced.AsSpan(0, Fence).ContainsAnyExcept((byte)0xA5) && !fenced.AsSpan(Fence + (int)length).ContainsAnyExcept((byte)0xA5)));
            guarded?.Dispose();
            native?.Dispose();
            if (!intact)
                throw new InvariantException("bytes outside the exported memory were written");
        }
    }

    private static void Exercise(NDArray a)
    {
        if (a.Size == 0 || a.Size > 100_000)
            return;
        var first = new long[a.NDim];
        var last = Enumerable.Repeat(-1L, a.NDim).ToArray();
        _ = a.GetValue(first);
        var value = a.GetValue(last);
        using (var copy = a.Copy(MemoryOrder.C))
        {
            if (a.DType.IsObject || a.DType.Kind == 'V')
                return;
            _ = a.Ravel(MemoryOrder.K);
            _ = a.T.Copy(MemoryOrder.F);
            if (a.DType.Kind is 'b' or 'i' or 'u' or 'f' or 'c')
                _ = a.AsType(np.float64);
            if (a.Size <= 200)
                _ = a.Repr();
        }
        if (a.IsWriteable)
            a.SetValue(value, last);
    }

    private static void Pattern(Span<byte> bytes)
    {
        for (int i = 0; i < bytes.Length; i++)
            bytes[i] = (byte)(i * 31 + 7);
    }

    public override string Encode(JsonObject input) => FuzzJson.Write(input);

    public override JsonObject Decode(string line) => FuzzJson.Parse(line).AsObject();

    private sealed class Exporter(ArrayInterfaceInfo info) : IArrayInterface
    {
        public ArrayInterfaceInfo ArrayInterface => info;
    }
}
