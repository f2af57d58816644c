namespace NumNet.Cli;

/// <summary>
/// Where the parsed batches of a numeric CSV table go, in file order: an array in memory (<see cref="CsvNumbers"/>)
/// or straight into a .npy file (<see cref="CsvNpyTable"/>).
/// </summary>
internal interface ICsvTable
{
    /// <summary>Columns per row.</summary>
    int Width { get; }

    /// <summary>
    /// Appends the parsed cells of <paramref name="batch"/>, which follows every batch appended before it in the file.
    /// One float column anywhere makes the whole table float64, so the table and the batch become all doubles as
    /// soon as either is: integers converted exactly as <c>float()</c> converts them.
    /// </summary>
    void Append(CsvBatch batch);
}
