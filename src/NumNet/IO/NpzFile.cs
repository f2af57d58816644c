using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.IO.Compression;
using NumNet.Formatting;
using NumNet.IO;
using static System.FormattableString;

namespace NumNet;

/// <summary>
/// An open .npz archive (NumPy's <c>NpzFile</c>): a read-only mapping from member names to arrays, each read from the
/// archive when it is asked for. Dispose it to close the file.
/// </summary>
/// <remarks>
/// Names are looked up exactly as NumPy's <c>NpzFile</c> looks them up over Python's <c>zipfile</c>: <see cref="Files"/>
/// lists every member in archive order with a <c>.npy</c> suffix removed (duplicates included), a key is first taken as
/// a member's full name and only then as a name without its <c>.npy</c>, and of several members with one name the last
/// is read. Member names are decoded as zipfile decodes them (UTF-8 when the entry says so, else code page 437) and end
/// at a NUL. A member that does not hold a .npy array (NumPy returns its raw bytes) throws
/// <see cref="InvalidDataException"/>. Every access reads and decompresses the member again and returns a new array
/// that the caller owns, as NumPy does.
/// Every member read is checked against the CRC-32 its directory records (as Python's zipfile does), and encrypted
/// members are refused. Members are read only up to the size their header declares, and a declared size above
/// <see cref="MaxMemberBytes"/>, or above what the member's compressed size can possibly expand to, is rejected before
/// any memory is allocated: a small hostile archive cannot make the reader allocate or inflate gigabytes.
/// </remarks>
public sealed class NpzFile : IReadOnlyDictionary<string, NDArray>, IDisposable
{
    /// <summary>Default cap on one member's data: 16 GiB.</summary>
    public const long DefaultMaxMemberBytes = 16L << 30;

    // Deflate cannot expand one input byte into more than 1032 output bytes (258-byte matches of 2-bit codes); a member
    // claiming more than that is lying about its size.
    private const long MaxDeflateRatio = 1032;

    private readonly ZipArchive _zip;
    // NumPy's `files`: every member's name in archive order, a .npy suffix removed, duplicates kept.
    private readonly List<string> _files = [];

    // zipfile's name table: a member's full name to its entry, the last one when a name repeats.
    private readonly Dictionary<string, ZipArchiveEntry> _byName = new(StringComparer.Ordinal);
    private readonly int _maxHeaderSize;
    private readonly bool _allowPickle;
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <summary>Opens an archive over <paramref name="stream"/>, which must be readable and seekable.</summary>
    /// <param name="stream">The archive's bytes.</param>
    /// <param name="leaveOpen">Keep <paramref name="stream"/> open when this is disposed.</param>
    /// <param name="maxMemberBytes">The cap on one member's data size.</param>
    /// <param name="maxHeaderSize">The cap on a member's .npy header length.</param>
    /// <param name="allowPickle">Whether object-array members (Python pickles) may be read, as NumPy's <c>allow_pickle</c>.</param>
    /// <exception cref="InvalidDataException">The stream is not a valid zip archive.</exception>
    /// <exception cref="ArgumentException">The stream cannot be read or sought.</exception>
    public NpzFile(Stream stream, bool leaveOpen = false, long maxMemberBytes = DefaultMaxMemberBytes, int maxHeaderSize = NpyHeader.DefaultMaxHeaderSize,
        bool allowPickle = false)
    {
        _allowPickle = allowPickle;
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead || !stream.CanSeek)
            throw new ArgumentException("an .npz archive needs a readable, seekable stream", nameof(stream));
        ArgumentOutOfRangeException.ThrowIfNegative(maxMemberBytes);
        try
        {
            _zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen, ZipNames.LegacyEncoding);
            // The directory is read here, so its damage is reported by the constructor, not by a later lookup.
            foreach (var entry in _zip.Entries)
            {
                string name = ZipNames.AsZipfileReadsIt(entry.FullName);
                _byName[name] = entry;
                _files.Add(name.EndsWith(".npy", StringComparison.Ordinal) ? name[..^4] : name);
            }
        }
        catch (InvalidDataException e)
        {
            _zip?.Dispose();
            if (!leaveOpen)
                stream.Dispose();
            throw new InvalidDataException(Invariant($"not a valid .npz (zip) archive: {MessageText.OneLine(e.Message)}"), e);
        }
        MaxMemberBytes = maxMemberBytes;
        _maxHeaderSize = maxHeaderSize;
    }

    /// <summary>The largest member data size that will be read; larger members throw <see cref="InvalidDataException"/>.</summary>
    public long MaxMemberBytes { get; set; }

    /// <summary>The member names (NumPy's <c>files</c>): in archive order, without a <c>.npy</c> suffix, duplicates kept.</summary>
    public IReadOnlyList<string> Files => _files.AsReadOnly();

    /// <summary>The names, as <see cref="Files"/> (NumPy iterates its <c>files</c>).</summary>
    public IEnumerable<string> Keys => _files.AsReadOnly();

    /// <summary>Every member, each read afresh; the caller owns the arrays.</summary>
    public IEnumerable<NDArray> Values => Keys.Select(k => this[k]);

    /// <summary>The number of names in <see cref="Files"/> (NumPy's <c>len</c>).</summary>
    public int Count => _files.Count;

    /// <summary>Reads the member <paramref name="key"/> (with or without its <c>.npy</c> suffix).</summary>
    /// <exception cref="KeyNotFoundException">No such member.</exception>
    /// <exception cref="InvalidDataException">The member is damaged, truncated, or larger than the caps allow.</exception>
    /// <exception cref="NotSupportedException">The member holds a structured array, or a pickle of more than an array of plain values.</exception>
    /// <exception cref="ArgumentException">The member holds an object array and the archive was opened without allowPickle.</exception>
    /// <exception cref="ObjectDisposedException">The archive has been closed.</exception>
    public NDArray this[string key]
    {
        get
        {
            if (!TryGetEntry(key, out var entry))
                throw new KeyNotFoundException(Invariant($"{PythonRepr.Repr(key)} is not a file in the archive"));
            return Read(key, entry);
        }
    }

    /// <inheritdoc/>
    public bool ContainsKey(string key) => TryGetEntry(key, out _);

    /// <summary>Reads the member <paramref name="key"/> when it exists.</summary>
    /// <exception cref="InvalidDataException">The member is damaged, truncated, or larger than the caps allow.</exception>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out NDArray value)
    {
        if (!TryGetEntry(key, out var entry))
        {
            value = null;
            return false;
        }
        value = Read(key, entry);
        return true;
    }

    /// <summary>Enumerates name/array pairs, reading each array as it is reached.</summary>
    public IEnumerator<KeyValuePair<string, NDArray>> GetEnumerator()
    {
        foreach (var key in _files)
            yield return new KeyValuePair<string, NDArray>(key, this[key]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Closes the archive (and the stream, unless it was opened with leaveOpen).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            _zip.Dispose();
        }
    }

    private bool TryGetEntry(string key, [MaybeNullWhen(false)] out ZipArchiveEntry entry)
    {
        ArgumentNullException.ThrowIfNull(key);
        // NumPy: the key as a full member name first, then as a name whose member has the .npy suffix. With both x.npy
        // and x.npy.npy in the archive, "x.npy" is the first and "x" the second.
        return _byName.TryGetValue(key, out entry) || _byName.TryGetValue(key + ".npy", out entry);
    }

    private NDArray Read(string key, ZipArchiveEntry entry)
    {
        // The zip stream is shared by all members, so reads take turns.
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            long cap = Math.Min(MaxMemberBytes, entry.Length);
            if (entry.CompressedLength < entry.Length)
                cap = Math.Min(cap, SaturatingMultiply(entry.CompressedLength, MaxDeflateRatio));
            if (entry.IsEncrypted)
                throw new NotSupportedException(Invariant($"member {PythonRepr.Repr(key)} of the archive is encrypted; NumNet (like NumPy) cannot read it without a password"));
            try
            {
                using var member = entry.Open();
                using var checking = new Crc32CheckingStream(member);
                var array = NpyReader.Read(checking, cap, _maxHeaderSize, _allowPickle);
                uint crc = checking.FinishAndGetCrc();
                if (crc != entry.Crc32)
                {
                    array.Dispose();
                    throw new InvalidDataException(Invariant(
                        $"the member's CRC-32 is {crc:x8} over its {checking.BytesRead} bytes, but the archive records {entry.Crc32:x8}: the member is damaged or holds more data than its declared size"));
                }
                return array;
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException(Invariant($"member {PythonRepr.Repr(key)} of the archive: {e.Message}"), e);
            }
        }
    }

    private static long SaturatingMultiply(long a, long b) => a > long.MaxValue / b ? long.MaxValue : a * b;
}
