namespace NumNet;

/// <summary>
/// The family of an element type, independent of byte order and (for the flexible kinds) of size.
/// NumPy calls these the built-in DType classes; a <see cref="DType"/> is one instance of a family.
/// </summary>
public enum DTypeCode
{
    /// <summary><c>bool</c>: one byte, 0 or 1.</summary>
    Bool,
    /// <summary><c>int8</c>.</summary>
    Int8,
    /// <summary><c>uint8</c>.</summary>
    UInt8,
    /// <summary><c>int16</c>.</summary>
    Int16,
    /// <summary><c>uint16</c>.</summary>
    UInt16,
    /// <summary><c>int32</c>.</summary>
    Int32,
    /// <summary><c>uint32</c>.</summary>
    UInt32,
    /// <summary><c>int64</c>.</summary>
    Int64,
    /// <summary><c>uint64</c>.</summary>
    UInt64,
    /// <summary><c>float16</c> (<see cref="System.Half"/>).</summary>
    Float16,
    /// <summary><c>float32</c>.</summary>
    Float32,
    /// <summary><c>float64</c>.</summary>
    Float64,
    /// <summary><c>float128</c>: the x87 80-bit extended format stored in 16 bytes (<see cref="LongDouble"/>).</summary>
    Float128,
    /// <summary><c>complex64</c>: two float32 (<see cref="NumNet.Complex64"/>).</summary>
    Complex64,
    /// <summary><c>complex128</c>: two float64 (<see cref="System.Numerics.Complex"/>).</summary>
    Complex128,
    /// <summary><c>complex256</c>: two float128 (<see cref="NumNet.Complex256"/>).</summary>
    Complex256,
    /// <summary><c>object</c>: a reference to any .NET object.</summary>
    Object,
    /// <summary><c>S&lt;n&gt;</c>: fixed-width bytes, NUL padded.</summary>
    Bytes,
    /// <summary><c>U&lt;n&gt;</c>: fixed-width UCS-4 text, NUL padded.</summary>
    Unicode,
    /// <summary><c>V&lt;n&gt;</c>: raw bytes without interpretation.</summary>
    Void,
    /// <summary><c>datetime64[unit]</c>: an int64 count of units since 1970-01-01.</summary>
    DateTime64,
    /// <summary><c>timedelta64[unit]</c>: an int64 count of units.</summary>
    TimeDelta64,
}
