using System.Buffers.Binary;
using System.Text;
using NumNet.Formatting;
using NumNet.Layout;
using static System.FormattableString;

namespace NumNet.IO;

/// <summary>
/// What a .npy header says: the dtype, the shape, whether the data is in Fortran order, and where the data starts.
/// </summary>
/// <param name="DType">The element type (NumPy's <c>descr</c>).</param>
/// <param name="Shape">The array's shape.</param>
/// <param name="FortranOrder">True when the data is laid out in Fortran (column-major) order.</param>
/// <param name="Major">Format major version: 1, 2 or 3.</param>
/// <param name="DataOffset">Byte offset of the first data byte from the start of the .npy content.</param>
internal sealed record NpyHeader(DType DType, long[] Shape, bool FortranOrder, int Major, long DataOffset)
{
    /// <summary>Bytes of the data that follows: size times item size, checked against overflow.</summary>
    public long DataBytes { get; } = CheckedBytes(Shape, DType);

    /// <summary>NumPy's header length cap for untrusted files (its <c>maxHeaderSize</c> default).</summary>
    public const int DefaultMaxHeaderSize = 10_000;

    /// <summary>Reads and validates the magic, version and header dict from <paramref name="stream"/>.</summary>
    /// <param name="stream">Positioned at the magic string; left positioned at the first data byte.</param>
    /// <param name="maxHeaderSize">Longest header accepted, so a hostile length cannot make us read megabytes of text.</param>
    /// <exception cref="InvalidDataException">Not a .npy stream, an unsupported version, a truncated or malformed header.</exception>
    /// <exception cref="NotSupportedException">A structured dtype.</exception>
    public static NpyHeader Read(Stream stream, int maxHeaderSize = DefaultMaxHeaderSize)
    {
        Span<byte> prefix = stackalloc byte[NpyFormat.MagicLength + 4];
        ReadExactly(stream, prefix[..NpyFormat.MagicLength], "the magic string and version");
        if (!prefix[..6].SequenceEqual(NpyFormat.Magic))
            throw new InvalidDataException(Invariant($"not a .npy file: it starts with {Convert.ToHexString(prefix[..6])}, not the .npy magic string 934E554D5059"));
        int major = prefix[6], minor = prefix[7];
        if (minor != 0 || major is < 1 or > 3)
            throw new InvalidDataException(Invariant($"unsupported .npy format version {major}.{minor}; versions 1.0, 2.0 and 3.0 are supported"));
        int lengthSize = major == 1 ? 2 : 4;
        ReadExactly(stream, prefix.Slice(NpyFormat.MagicLength, lengthSize), "the header length");
        long headerLength = major == 1
            ? BinaryPrimitives.ReadUInt16LittleEndian(prefix[NpyFormat.MagicLength..])
            : BinaryPrimitives.ReadUInt32LittleEndian(prefix[NpyFormat.MagicLength..]);
        if (headerLength > maxHeaderSize)
            throw new InvalidDataException(Invariant($"the .npy header is {headerLength} bytes long, more than the {maxHeaderSize} accepted; the file may not be safe to load"));
        if (stream.CanSeek && BytesLeft(stream) is var left && left < headerLength)
            throw new InvalidDataException(Invariant($"the .npy file is truncated: the header claims {headerLength} bytes but the file ends after {left}"));
        var headerBytes = new byte[headerLength];
        ReadExactly(stream, headerBytes, "the header");
        string text;
        try
        {
            text = major == 3 ? NpyFormat.StrictUtf8.GetString(headerBytes) : Encoding.Latin1.GetString(headerBytes);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException("the .npy 3.0 header is not valid UTF-8");
        }
        return FromDict(HeaderLiteral.ParseDict(text), major, NpyFormat.MagicLength + lengthSize + headerLength);
    }

    private static NpyHeader FromDict(Dictionary<string, object> d, int major, long dataOffset)
    {
        if (d.Count != 3 || !d.ContainsKey("descr") || !d.ContainsKey("fortran_order") || !d.ContainsKey("shape"))
        {
            string keys = string.Join(", ", d.Keys.Order(StringComparer.Ordinal).Select(PythonRepr.Repr));
            throw new InvalidDataException(Invariant($"the .npy header must have exactly the keys 'descr', 'fortran_order' and 'shape'; it has {keys}"));
        }
        if (d["descr"] is StructuredDescr structured)
            throw new NotSupportedException(Invariant($"the file holds a structured dtype (a NumPy record array), which NumNet does not support: descr {PythonRepr.Repr(structured.Text)}"));
        if (d["descr"] is not string descr)
            throw new InvalidDataException("the .npy header's 'descr' is not a string");
        if (d["fortran_order"] is not bool fortran)
            throw new InvalidDataException("the .npy header's 'fortran_order' is not True or False");
        if (d["shape"] is not long[] shape)
            throw new InvalidDataException("the .npy header's 'shape' is not a tuple of integers");
        var dtype = ParseDescr(descr);
        try
        {
            ShapeMath.CheckedByteSize(shape, dtype.ItemSize);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException(Invariant($"the .npy header's shape {ShapeMath.Format(shape)} is not valid: {MessageText.OneLine(e.Message)}"));
        }
        return new NpyHeader(dtype, shape, fortran, major, dataOffset);
    }

    private static DType ParseDescr(string descr)
    {
        DType dtype;
        try
        {
            dtype = np.dtype(descr);
        }
        catch (Exception e) when (e is ArgumentException or OverflowException)
        {
            // OverflowException: a size whose bytes pass what a dtype can hold ('<U536870912' is 2 GiB per element).
            throw new InvalidDataException(Invariant($"the .npy header's descr {PythonRepr.Repr(descr)} is not a dtype NumNet understands: {MessageText.OneLine(e.Message)}"));
        }
        if (dtype.IsFlexible && dtype.ItemSize == 0 && dtype.Code != DTypeCode.Void)
            throw new InvalidDataException(Invariant($"the .npy header's descr {PythonRepr.Repr(descr)} has no size"));
        return dtype;
    }

    /// <summary>
    /// Bytes after the position, measured once; never negative, as it would be for a file truncated behind the reader
    /// by another program.
    /// </summary>
    public static long BytesLeft(Stream stream) => Math.Max(0, stream.Length - stream.Position);

    private static long CheckedBytes(long[] shape, DType dtype) => ShapeMath.CheckedByteSize(shape, dtype.ItemSize);

    private static void ReadExactly(Stream stream, Span<byte> buffer, string what)
    {
        int read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (read < buffer.Length)
            throw new InvalidDataException(Invariant($"the .npy file is truncated: it ends inside {what} ({read} of {buffer.Length} bytes)"));
    }
}
