using NumNet.Cli;

namespace NumNet.Tests.Cli;

public class TourTests
{
    /// <summary>
    /// The tour prints, for each NumPy statement, what NumNet answers; tour.expected.txt is NumPy's own transcript of
    /// the same statements (made by make_tour_expected.py), so the two must agree character for character.
    /// </summary>
    [Fact]
    public void TourOutputIsNumPysTranscript()
    {
        var output = new StringWriter();
        Tour.Run(output);
        string expected = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "NumNet.Tests", "Cli", "tour.expected.txt"));
        Assert.Equal(expected.ReplaceLineEndings("\n"), output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void UnknownCommandsAndHelpBehaveAsACliUserExpects()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.Equal(2, CommandLine.Run(["frobnicate"], stdout, stderr));
        Assert.Contains("frobnicate", stderr.ToString());
        Assert.Equal(0, CommandLine.Run(["--help"], stdout, stderr));
        Assert.Contains("tour", stdout.ToString());
        Assert.Equal(2, CommandLine.Run([], new StringWriter(), new StringWriter()));
    }
}
