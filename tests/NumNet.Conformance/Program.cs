using NumNet.Conformance;

// Usage: dotnet run --project tests/NumNet.Conformance -c Release -- FILE-OR-FOLDER... [--known FILE] [--quiet]
// A folder stands for its cases-*.json and found-*.json files.
var files = new List<string>();
string? knownPath = null;
string? writeKnown = null;
bool quiet = false;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--known": knownPath = args[++i]; break;
        case "--quiet": quiet = true; break;
        case "--write-known": writeKnown = args[++i]; break;
        case "-h" or "--help":
            Console.WriteLine("usage: NumNet.Conformance FILE.json|FOLDER... [--known known-failures.txt] [--write-known FILE] [--quiet]");
            return 0;
        default:
            if (Directory.Exists(args[i]))
                files.AddRange(ConformanceCase.FilesIn(args[i]));
            else
                files.Add(args[i]);
            break;
    }
}
if (files.Count == 0)
{
    Console.Error.WriteLine("usage: NumNet.Conformance FILE.json|FOLDER... [--known known-failures.txt] [--write-known FILE] [--quiet]");
    return 2;
}

Wiring.Install();
var known = knownPath is null ? new Dictionary<string, string>() : KnownFailures.Load(knownPath);
int passed = 0, failed = 0, knownFailed = 0;
var failuresByCall = new SortedDictionary<string, int>();
var newKnown = new List<string>();
foreach (var file in files)
{
    foreach (var c in ConformanceCase.Load(file))
    {
        var outcome = CaseRunner.Run(c);
        if (outcome.Passed)
        {
            passed++;
            continue;
        }
        failed++;
        failuresByCall[c.Call] = failuresByCall.GetValueOrDefault(c.Call) + 1;
        if (known.ContainsKey(c.Id))
            knownFailed++;
        newKnown.Add($"{c.Id}  {(known.TryGetValue(c.Id, out var oldReason) ? oldReason : KnownFailures.ReasonFor(outcome))}");
        if (!quiet)
            Console.WriteLine($"FAIL {c.Id} ({c.Call}{(c.PlatformDependent ? ", platform-dependent" : "")}){(known.TryGetValue(c.Id, out var why) ? " [known: " + why + "]" : "")}: {outcome.Detail}");
    }
}
foreach (var (call, count) in failuresByCall)
    Console.WriteLine($"  {call}: {count} failed");
if (knownPath is not null)
    Console.WriteLine($"  of the failures, {knownFailed} are known");
if (writeKnown is not null)
    File.WriteAllLines(writeKnown, ["# Conformance cases NumNet fails today, one per line: id, then the reason.", .. newKnown]);
Console.WriteLine($"{passed} passed, {failed} failed");
return failed - knownFailed == 0 ? 0 : 1;
