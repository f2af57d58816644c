namespace NumNet.Conformance;

/// <summary>Connects the runner's hooks to the parts of NumNet that exist.</summary>
public static class Wiring
{
    private static bool _installed;

    /// <summary>Installs every handler and hook once.</summary>
    public static void Install()
    {
        if (_installed)
            return;
        _installed = true;
        ResultChecker.DateTimeFormatter = d => DateTimes.Format(d.Value, d.Unit);
    }
}
