using System.Text;
using NumNet.DTypes.Discovery;
using NumNet.DTypes.Text;

namespace NumNet.DTypes.Strings;

/// <summary>
/// NumPy 2's variable-width string dtype, <c>StringDType</c> (NEP 55): kind and character <c>T</c>, 16 bytes an
/// element whatever the strings' lengths (<see cref="PackedString"/>), an optional missing value (<c>na_object</c>)
/// and a <c>coerce</c> flag. A registered class: every slot it has lives in this folder.
/// </summary>
internal sealed class StringDTypeClass : RegisteredDTypeClass
{
    /// <summary>NumPy's type number for StringDType (<c>NPY_VSTRING</c>); no name in <see cref="DTypeCode"/>.</summary>
    public const DTypeCode TypeNumber = (DTypeCode)2056;

    /// <summary>The one instance, listed in <see cref="DTypeRegistry.Registered"/>.</summary>
    public static readonly StringDTypeClass Instance = new()
    {
        Discovery = new NoDiscovery(),
        Promotion = new StringDTypeRule(),
        // Only the values can tell how long their text is.
        Text = new DataDependentText(),
    };

    private readonly Lock _gate = new();
    private readonly List<WeakReference<DType>> _live = [];

    private StringDTypeClass() : base(TypeNumber, 'T', 'T', "StringDType", PackedString.Size, 8) { }

    /// <inheritdoc/>
    public override int SwapUnit => 0;

    /// <summary>
    /// The descriptor for these parameters. Equal parameters give the same live descriptor, so arrays whose dtypes
    /// compare equal share one arena and may copy their slots as bytes (NumPy makes such casts views only when the
    /// allocators are the same; here equal descriptors always are).
    /// </summary>
    public DType Descriptor(bool hasNA, object? naObject, bool coerce)
    {
        var wanted = new StringParameters(hasNA, naObject, coerce);
        lock (_gate)
        {
            _live.RemoveAll(w => !w.TryGetTarget(out _));
            foreach (var weak in _live)
            {
                if (weak.TryGetTarget(out var existing) && wanted.Equals(existing.Parameters))
                    return existing;
            }
            var created = new DType(this, PackedString.Size, '|', parameters: wanted);
            _live.Add(new WeakReference<DType>(created));
            return created;
        }
    }

    /// <summary>The default descriptor, <c>StringDType()</c>.</summary>
    public DType Default => Descriptor(false, null, true);

    /// <summary>The parameters of one of this class's descriptors.</summary>
    public static StringParameters Of(DType dtype) =>
        dtype.Parameters as StringParameters ?? throw new ArgumentException($"{dtype} is not a StringDType descriptor", nameof(dtype));

    /// <inheritdoc/>
    public override object? GetBoxed(ReadOnlySpan<byte> element, DType dtype)
    {
        var p = Of(dtype);
        string? text = PackedString.Unpack(element[..PackedString.Size], p.Arena);
        return text ?? (p.HasNA ? p.NAObject : "");
    }

    /// <inheritdoc/>
    /// <remarks>NumPy's <c>stringdtype_setitem</c>: the missing value is stored as missing, strings as they are,
    /// bytes decoded as UTF-8, anything else as its <c>str()</c> when the dtype coerces and refused when it does not.</remarks>
    public override void SetBoxed(Span<byte> element, object? value, DType dtype)
    {
        var p = Of(dtype);
        var slot = element[..PackedString.Size];
        if (value is StoredText literal)
        {
            PackedString.Pack(slot, literal.Text, p.Arena);
            return;
        }
        if (p.IsNA(value))
        {
            PackedString.PackMissing(slot);
            return;
        }
        PackedString.Pack(slot, AsPyString(value, p.Coerce), p.Arena);
    }

    // NumPy's as_pystring.
    private static string AsPyString(object? value, bool coerce) => value switch
    {
        string s => s,
        _ when !coerce => throw new ArgumentException("StringDType only allows string data when string coercion is disabled."),
        Bytes b => DecodeUtf8(b.Span),
        _ => ScalarStr.Format(value),
    };

    /// <summary>UTF-8 bytes as text, refusing invalid bytes as NumPy's bytes-to-StringDType cast does.</summary>
    public static string DecodeUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidCastException("Invalid UTF-8 bytes found, cannot convert to StringDType");
        }
    }

    /// <inheritdoc/>
    public override TResult Accept<TVisitor, TResult>(ref TVisitor visitor) => visitor.VisitOther(this);

    /// <inheritdoc/>
    /// <remarks>NumPy's <c>stringdtype__reduce__</c> (<c>stringdtype/dtype.c</c>) names this helper of
    /// <c>numpy/_core/_internal.py</c>, with <c>(coerce,)</c> or <c>(coerce, na_object)</c>.</remarks>
    public override (string Module, string Name)? PickleConstructor => ("numpy._core._internal", "_convert_to_stringdtype_kwargs");

    /// <inheritdoc/>
    /// <remarks><c>coerce</c> is a Python int, as <c>Py_BuildValue("O(i)")</c> makes it.</remarks>
    public override object?[] PickleArguments(DType dtype)
    {
        var p = Of(dtype);
        long coerce = p.Coerce ? 1 : 0;
        return p.HasNA ? [coerce, p.NAObject] : [coerce];
    }

    /// <inheritdoc/>
    public override DType FromPickleArguments(object?[] args) => args switch
    {
        [var coerce] when Truth(coerce) is { } c => Descriptor(false, null, c),
        [var coerce, var na] when Truth(coerce) is { } c => Descriptor(true, na, c),
        _ => throw new ArgumentException("_convert_to_stringdtype_kwargs takes (coerce) or (coerce, na_object)", nameof(args)),
    };

    private static bool? Truth(object? value) => value switch
    {
        bool b => b,
        long n => n != 0,
        _ => null,
    };

    /// <inheritdoc/>
    /// <remarks><c>np.dtype("T")</c> is <c>StringDType()</c>.</remarks>
    public override DType? Parse(string spelling) => spelling == "T" ? Default : null;

    /// <inheritdoc/>
    public override string Repr(DType dtype) => Of(dtype).Repr();

    /// <inheritdoc/>
    /// <remarks>NumPy's name of a non-legacy dtype: its class name and its bits.</remarks>
    public override string DescriptorName(DType dtype) => "StringDType" + (PackedString.Size * 8);

    /// <inheritdoc/>
    public override string TypeStr(DType dtype) => "|T" + PackedString.Size;

    /// <inheritdoc/>
    public override DeclaredCast? DeclareCast(DType from, DType to) => StringCasts.Declare(from, to);
}

/// <summary>Text a cast stores verbatim: no missing-value test and no coercion (NumPy's casts pack their text directly).</summary>
internal sealed record StoredText(string Text);
