using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.IO.Compression;

using NumNet.IO;

namespace NumNet;

/// <summary>
/// An open .npz archive (NumPy's <c>NpzFile</c>): a read-only mapping from member names to arrays, each read from the
/// archive when it is asked for. Dispose it to close the file.
/// </summary>
/// <remarks>
/// Names are the archive's <c>.npy</c> members without that suffix (<c>arr_0</c>, or the names given to
/// <c>np.savez</c>); the full member name works as a key too. Other members are not arrays and are not listed. Every
/// access reads and decompresses the member again and returns a new array that the caller owns, as NumPy does.
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
    private readonly Dictionary<string, ZipArchiveEntry> _members;
    private readonly int _maxHeaderSize;
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <summary>Opens an archive over <paramref name="stream"/>, which must be readable and seekable.</summary>
    /// <param name="stream">The archive's bytes.</param>
    /// <param name="leaveOpen">Keep <paramref name="stream"/> open when this is disposed.</param>
    /// <param name="maxMemberBytes">The cap on one member's data size.</param>
    /// <param name="maxHeaderSize">The cap on a member's .npy header length.</param>
    /// <exception cref="InvalidDataException">The stream is not a valid zip archive.</exception>
    /// <exception cref="ArgumentException">The stream cannot be read or sought.</exception>
    public NpzFile(Stream stream, bool leaveOpen = false, long maxMemberBytes = DefaultMaxMemberBytes, int maxHeaderSize = NpyHeader.DefaultMaxHeaderSize)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead || !stream.CanSeek)
            throw new ArgumentException("an .npz archive needs a readable, seekable stream", nameof(stream));
        ArgumentOutOfRangeException.ThrowIfNegative(maxMemberBytes);
        _members = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        try
        {
            _zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen);
            // The directory is read here, so its damage is reported by the constructor, not by a later lookup.
            foreach (var entry in _zip.Entries)
            {
                if (entry.FullName.EndsWith(".npy", StringComparison.Ordinal))
                    _members.TryAdd(entry.FullName[..^4], entry);
            }
        }
        catch (InvalidDataException e)
        {
            _zip?.Dispose();
            if (!leaveOpen)
                stream.Dispose();
            throw new InvalidDataException($"not a valid .npz (zip) archive: {e.Message}", e);
        }
        MaxMemberBytes = maxMemberBytes;
        _maxHeaderSize = maxHeaderSize;
    }

    /// <summary>The largest member data size that will be read; larger members throw <see cref="InvalidDataException"/>.</summary>
    public long MaxMemberBytes { get; set; }

    /// <summary>The member names (NumPy's <c>files</c>), in archive order.</summary>
    public IReadOnlyList<string> Files => _members.Keys.ToList();

    /// <inheritdoc/>
    public IEnumerable<string> Keys => _members.Keys;

    /// <summary>Every member, each read afresh; the caller owns the arrays.</summary>
    public IEnumerable<NDArray> Values => _members.Keys.Select(k => this[k]);

    /// <inheritdoc/>
    public int Count => _members.Count;

    /// <summary>Reads the member <paramref name="key"/> (with or without its <c>.npy</c> suffix).</summary>
    /// <exception cref="KeyNotFoundException">No such member.</exception>
    /// <exception cref="InvalidDataException">The member is damaged, truncated, or larger than the caps allow.</exception>
    /// <exception cref="NotSupportedException">The member holds an object (pickled) or structured array.</exception>
    /// <exception cref="ObjectDisposedException">The archive has been closed.</exception>
    public NDArray this[string key]
    {
        get
        {
            if (!TryGetEntry(key, out var entry))
                throw new KeyNotFoundException($"{key} is not a file in the archive");
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
        foreach (var key in _members.Keys.ToList())
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
        if (_members.TryGetValue(key, out entry))
            return true;
        return key.EndsWith(".npy", StringComparison.Ordinal) && _members.TryGetValue(key[..^4], out entry);
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
                throw new NotSupportedException($"member '{key}' of the archive is encrypted; NumNet (like NumPy) cannot read it without a password");
            try
            {
                using var member = entry.Open();
                using var checking = new Crc32CheckingStream(member);
                var array = NpyReader.Read(checking, cap, _maxHeaderSize);
                uint crc = checking.FinishAndGetCrc();
                if (crc != entry.Crc32)
                {
                    array.Dispose();
                    throw new InvalidDataException(
                        $"the member's CRC-32 is {crc:x8} over its {checking.BytesRead} bytes, but the archive records {entry.Crc32:x8}: " +
                        "the member is damaged or holds more data than its declared size");
                }
                return array;
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"member '{key}' of the archive: {e.Message}", e);
            }
        }
    }

    private static long SaturatingMultiply(long a, long b) => a > long.MaxValue / b ? long.MaxValue : a * b;
}
