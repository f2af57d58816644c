using NumNet.DTypes.Strings;

namespace NumNet;

#pragma warning disable CS8981 // NumPy's lowercase names are the API.
public static partial class np
{
    /// <summary>NumPy's <c>np.dtypes</c>: the dtype classes that are not reached through a type character alone.</summary>
    public static class dtypes
#pragma warning restore CS8981
    {
        /// <summary>
        /// <c>np.dtypes.StringDType()</c> (NEP 55): variable-width UTF-8 strings, 16 bytes an element however long the
        /// strings are; <c>np.dtype("T")</c> is the same. Without a missing value; <paramref name="coerce"/> true (NumPy's
        /// default) stores non-string values as their <c>str()</c>, false refuses them.
        /// </summary>
        public static DType StringDType(bool coerce = true) => StringDTypeClass.Instance.Descriptor(false, null, coerce);

        /// <summary>
        /// <c>np.dtypes.StringDType(na_object=..., coerce=...)</c>: with a missing value. <paramref name="naObject"/> may be
        /// null (Python's None), a NaN (<c>double.NaN</c>, NumPy's <c>np.nan</c>) or a string sentinel; elements equal to it
        /// are stored as missing and read back as it.
        /// </summary>
        public static DType StringDType(object? naObject, bool coerce = true) => StringDTypeClass.Instance.Descriptor(true, naObject, coerce);
    }
}
