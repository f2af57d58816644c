namespace NumNet.DTypes.Text.Digits;

/// <summary>How many digits the generator produces before it stops on its own.</summary>
internal enum DigitMode
{
    /// <summary>Stop once the digits identify the value uniquely within its own type (shortest round trip).</summary>
    Unique,

    /// <summary>Keep producing the digits of the exact binary value until it is exhausted or a cutoff is hit.</summary>
    Exact,
}
