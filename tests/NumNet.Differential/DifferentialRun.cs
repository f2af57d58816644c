using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using NumNet.Conformance;

namespace NumNet.Differential;

/// <summary>What one run is asked to do.</summary>
/// <param name="Seed">The seed: the same seed, case count and calls give the same cases.</param>
/// <param name="Cases">How many cases.</param>
/// <param name="Calls">The calls to generate (null: all).</param>
/// <param name="FoundDir">Where minimal counterexamples are written (null: not written).</param>
/// <param name="ShrinkIterations">How many candidates CsCheck tries when shrinking one difference (0: no shrinking).</param>
/// <param name="MaxShrunk">At most this many differences are shrunk and written per run; the rest are listed.</param>
/// <param name="BatchSize">Cases per oracle round trip.</param>
/// <param name="Dump">Where every case line sent to the oracle is copied (null: nowhere).</param>
public sealed record RunOptions(ulong Seed, long Cases, IReadOnlyCollection<string>? Calls = null, string? FoundDir = null,
    int ShrinkIterations = 400, int MaxShrunk = 20, int BatchSize = 500, TextWriter? Dump = null);

/// <summary>One difference between NumNet and the oracle.</summary>
/// <param name="Call">The call.</param>
/// <param name="CaseSeed">CsCheck's seed of the case for the call's generator (replay with --replay CALL:SEED).</param>
/// <param name="Detail">What differed.</param>
/// <param name="MinimalCase">The shrunk case with the oracle's answer, when it was shrunk.</param>
/// <param name="WrittenAs">The id it got in a found-*.json file, when written.</param>
public sealed record Finding(string Call, string CaseSeed, string Detail, string? MinimalCase, string? WrittenAs);

/// <summary>The counts of a run.</summary>
/// <param name="Passed">Cases NumNet answered as the oracle did.</param>
/// <param name="Failed">Cases that differ.</param>
/// <param name="Skipped">Cases without a trustworthy NumPy-2 answer.</param>
/// <param name="PlatformDependent">Differences in platform-dependent results (reported, not failed).</param>
/// <param name="Findings">The failed cases.</param>
/// <param name="SkipReasons">How many cases were skipped for each reason.</param>
/// <param name="Corrected">Cases NumNet answered as NumPy 2 does by an answer the harness derived from the oracle
/// element by element (<see cref="ElementStoreCorrection"/>), where the oracle's own answer differs.</param>
public sealed record RunSummary(long Passed, long Failed, long Skipped, long PlatformDependent, IReadOnlyList<Finding> Findings,
    IReadOnlyDictionary<string, long> SkipReasons, long Corrected = 0);

/// <summary>
/// A differential run: random cases from <see cref="CaseGens"/> (CsCheck), answered by the oracle in batches, run
/// through NumNet and compared by the conformance runner (<see cref="CaseRunner"/>, the same comparison as the corpus).
/// A difference is shrunk with CsCheck to a minimal case that still differs and written to a found-*.json file.
/// </summary>
public sealed class DifferentialRun
{
    private const uint Stream = 15;
    private readonly Oracle oracle;
    private readonly TextWriter log;
    private readonly ElementStoreCorrection elementStore;

    /// <summary>A run asking <paramref name="oracle"/> and writing what happens to <paramref name="log"/>.</summary>
    public DifferentialRun(Oracle oracle, TextWriter log)
    {
        this.oracle = oracle;
        this.log = log;
        elementStore = new ElementStoreCorrection(lines => AskOracle(lines.ToList()));
    }

    private sealed record Pending(string Call, string CaseSeed, string Line);

    /// <summary>Runs the cases of <paramref name="options"/>.</summary>
    /// <exception cref="OracleUnavailableException">The oracle stopped answering.</exception>
    public RunSummary Run(RunOptions options)
    {
        Wiring.Install();
        var gens = CaseGens.All.Where(g => options.Calls is null || options.Calls.Contains(g.Call)).ToArray();
        if (gens.Length == 0)
            throw new ArgumentException("no generator matches the calls asked for", nameof(options));
        int totalWeight = gens.Sum(g => g.Weight);
        var pcg = new PCG(Stream, options.Seed);
        long passed = 0, failed = 0, skipped = 0, platform = 0, corrected = 0;
        var findings = new List<Finding>();
        var skipReasons = new Dictionary<string, long>();
        var batch = new List<Pending>(options.BatchSize);
        long progressStep = Math.Max(100_000, options.Cases / 10);
        for (long i = 0; i < options.Cases; i++)
        {
            var gen = Pick(gens, pcg.Next((uint)totalWeight));
            ulong state = pcg.State;
            var args = gen.Args.Generate(pcg, null, out _);
            batch.Add(new Pending(gen.Call, pcg.ToString(state), CaseLine("d" + i, gen.Call, args)));
            options.Dump?.WriteLine(batch[^1].Line);
            if (batch.Count == options.BatchSize || i == options.Cases - 1)
            {
                options.Dump?.Flush();
                var answers = AskOracle(batch.Select(p => p.Line).ToList());
                for (int k = 0; k < batch.Count; k++)
                {
                    var verdict = Judge(answers[k]);
                    switch (verdict.Kind)
                    {
                        case VerdictKind.Passed:
                            passed++;
                            break;
                        case VerdictKind.Corrected:
                            corrected++;
                            log.WriteLine($"corrected {batch[k].Call}:{batch[k].CaseSeed}: {OneLine(verdict.Detail)}");
                            break;
                        case VerdictKind.Skipped:
                            skipped++;
                            string reason = Shorten(verdict.Detail);
                            skipReasons[reason] = skipReasons.GetValueOrDefault(reason) + 1;
                            break;
                        case VerdictKind.PlatformDependent:
                            platform++;
                            log.WriteLine($"platform-dependent {batch[k].Call} {batch[k].CaseSeed}: {OneLine(verdict.Detail)}");
                            break;
                        case VerdictKind.Failed:
                            failed++;
                            findings.Add(Report(batch[k], verdict, options, findings.Count(f => f.MinimalCase is not null)));
                            break;
                    }
                }
                batch.Clear();
            }
            if ((i + 1) % progressStep == 0 && i + 1 < options.Cases)
                log.WriteLine($"progress: {i + 1} cases, {passed} passed, {failed} failed, {skipped} skipped");
        }
        return new RunSummary(passed, failed, skipped, platform, findings, skipReasons, corrected);
    }

    /// <summary>Runs one case of <paramref name="call"/> from its CsCheck seed and says how it ends.</summary>
    public string Replay(string call, string caseSeed)
    {
        Wiring.Install();
        var args = CaseGens.For(call).Args.Generate(PCG.Parse(caseSeed), null, out _);
        string line = CaseLine("replay", call, args);
        var verdict = Judge(AskOracle([line])[0]);
        return $"{line}\n{verdict.Kind}: {verdict.Detail}";
    }

    /// <summary>
    /// Found cases (tests/conformance/found-*.json) that NumNet fails against the oracle's stored answer but matches
    /// against NumPy 2's answer derived element by element (<see cref="ElementStoreCorrection"/>): their expectation is
    /// replaced by the derived one, with the reason in numpy2_reason. Returns "id: reason" for each case changed.
    /// </summary>
    public IReadOnlyList<string> Rederive(string corpusDir)
    {
        Wiring.Install();
        var changed = new List<string>();
        foreach (string path in Directory.GetFiles(corpusDir, "found-*.json").Order(StringComparer.Ordinal))
        {
            changed.AddRange(FoundCases.Rewrite(path, entry =>
            {
                using var doc = JsonDocument.Parse(entry.ToJsonString(), new JsonDocumentOptions { MaxDepth = 512 });
                var outcome = CaseRunner.Run(ConformanceCase.FromJson(doc.RootElement, Path.GetFileName(path)));
                if (outcome.Passed || elementStore.TryCorrect(entry.ToJsonString(), outcome.Detail) is not { } derived)
                    return null;
                var verdict = JudgeDerived(derived.Answer, derived.Reason, outcome.Detail);
                return verdict.Kind == VerdictKind.Corrected ? (JsonNode.Parse(derived.Answer, documentOptions: new JsonDocumentOptions { MaxDepth = 512 })!.AsObject(), derived.Reason) : null;
            }));
        }
        return changed;
    }

    // Asks the oracle each case in the form it answers as NumPy 2 does (OracleCorrections.Rephrase); the answers carry
    // the cases' own arguments, which NumNet runs.
    private List<string> AskOracle(List<string> lines)
    {
        var answers = oracle.Ask(lines.Select(OracleCorrections.Rephrase).ToList());
        var restored = new List<string>(answers.Count);
        for (int i = 0; i < answers.Count; i++)
            restored.Add(OracleCorrections.Restore(answers[i], lines[i]));
        // A second question only where the first answer shows the oracle converted a timedelta NaT between units.
        var again = new List<(int Index, string Line)>();
        for (int i = 0; i < restored.Count; i++)
        {
            if (OracleCorrections.NaTInResultUnit(lines[i], restored[i]) is { } respelled)
                again.Add((i, respelled));
        }
        if (again.Count > 0)
        {
            var second = oracle.Ask(again.Select(a => a.Line).ToList());
            for (int k = 0; k < again.Count; k++)
                restored[again[k].Index] = OracleCorrections.WithArgumentsOf(second[k], lines[again[k].Index]);
        }
        AskOwnDescriptorCopies(lines, restored);
        return restored;
    }

    // Order-A copies of an array whose own descriptor the request adapts to (OwnDescriptorCopy): the array's
    // descriptor is asked for every candidate in one round trip, the respelled cases in a second.
    private void AskOwnDescriptorCopies(List<string> lines, List<string> answers)
    {
        var candidates = new List<(int Index, string Question)>();
        for (int i = 0; i < answers.Count; i++)
        {
            if (OwnDescriptorCopy.SourceQuestion(lines[i], answers[i]) is { } question)
                candidates.Add((i, question));
        }
        if (candidates.Count == 0)
            return;
        var sources = oracle.Ask(candidates.Select(c => c.Question).ToList());
        var respelled = new List<(int Index, string Line)>();
        for (int k = 0; k < candidates.Count && k < sources.Count; k++)
        {
            int i = candidates[k].Index;
            if (OwnDescriptorCopy.Respelled(lines[i], answers[i], sources[k]) is { } line)
                respelled.Add((i, line));
        }
        if (respelled.Count == 0)
            return;
        var again = oracle.Ask(respelled.Select(r => r.Line).ToList());
        for (int k = 0; k < respelled.Count && k < again.Count; k++)
            answers[respelled[k].Index] = OwnDescriptorCopy.Restore(answers[respelled[k].Index], again[k], lines[respelled[k].Index]);
    }

    private static CaseGens.CallGen Pick(CaseGens.CallGen[] gens, uint draw)
    {
        foreach (var g in gens)
        {
            if (draw < g.Weight)
                return g;
            draw -= (uint)g.Weight;
        }
        return gens[^1];
    }

    private static string CaseLine(string id, string call, JsonObject args) =>
        new JsonObject { ["id"] = id, ["category"] = "differential", ["call"] = call, ["args"] = args }.ToJsonString();

    private enum VerdictKind { Passed, Failed, Skipped, PlatformDependent, Corrected }

    private readonly record struct Verdict(VerdictKind Kind, string Detail, string Answer);

    // One oracle answer, corrected where the oracle is known to be wrong, run through NumNet and compared as the
    // conformance test compares.
    private Verdict Judge(string answer)
    {
        var (corrected, correction, reason) = OracleCorrections.Apply(answer);
        if (correction == OracleCorrections.Kind.Untrusted)
            return new Verdict(VerdictKind.Skipped, "oracle known wrong: " + reason, answer);
        using var doc = JsonDocument.Parse(corrected, new JsonDocumentOptions { MaxDepth = 512 });
        var root = doc.RootElement;
        if (root.TryGetProperty("skip", out var skip))
            return new Verdict(VerdictKind.Skipped, skip.GetString() ?? "", answer);
        var c = ConformanceCase.FromJson(root, "differential");
        var outcome = CaseRunner.Run(c);
        if (outcome.Passed)
            return HarnessCorrection.Of(root) is { } derivedBy
                ? new Verdict(VerdictKind.Corrected, derivedBy, corrected)
                : new Verdict(VerdictKind.Passed, "", corrected);
        var unitOverflow = elementStore.TryDeriveUnitOverflow(corrected, outcome.Detail);
        if (unitOverflow.Outcome == ElementStoreCorrection.UnitOverflowOutcome.Derived)
            return JudgeDerived(unitOverflow.Answer!, unitOverflow.Reason!, outcome.Detail);
        if (unitOverflow.Outcome == ElementStoreCorrection.UnitOverflowOutcome.NoFailingElement)
            return new Verdict(VerdictKind.Failed, outcome.Detail + " (the harness finds no element NumPy 2 refuses: no unit conversion overflows)", corrected);
        if ((OracleCorrections.WrapsWhereNumPyRaises(corrected, outcome.Detail)
             ?? OracleCorrections.DateNearInt64MinimumOverflows(outcome.Detail)
             ?? OracleCorrections.TimedeltaTextCutUnstable(corrected, outcome.Detail)) is { } why)
            return new Verdict(VerdictKind.Skipped, "oracle known wrong: " + why, answer);
        if (elementStore.TryCorrect(corrected, outcome.Detail) is { } derived)
            return JudgeDerived(derived.Answer, derived.Reason, outcome.Detail);
        return new Verdict(c.PlatformDependent ? VerdictKind.PlatformDependent : VerdictKind.Failed, outcome.Detail, corrected);
    }

    // A case against NumPy 2's answer as the harness derived it element by element.
    private static Verdict JudgeDerived(string derived, string reason, string numNetDetail) =>
        ElementStoreCorrection.NumNetMatches(derived, numNetDetail, out string detail)
            ? new Verdict(VerdictKind.Corrected, reason, derived)
            : new Verdict(VerdictKind.Failed, $"{detail} (answer derived by the harness: {reason})", derived);

    private Finding Report(Pending pending, Verdict verdict, RunOptions options, int shrunkSoFar)
    {
        log.WriteLine($"FAIL {pending.Call} (replay: --replay {pending.Call}:{pending.CaseSeed}): {verdict.Detail}");
        log.WriteLine($"  case: {ArgsOf(verdict.Answer)}");
        if (options.ShrinkIterations <= 0 || shrunkSoFar >= options.MaxShrunk)
            return new Finding(pending.Call, pending.CaseSeed, verdict.Detail, null, null);
        var (minimal, detail) = Shrink(pending, verdict, options.ShrinkIterations);
        log.WriteLine($"  minimal: {ArgsOf(minimal)}{Environment.NewLine}    {OneLine(detail)}");
        string? id = null;
        if (options.FoundDir is not null)
        {
            id = FoundCases.Append(options.FoundDir, JsonNode.Parse(minimal, documentOptions: new JsonDocumentOptions { MaxDepth = 512 })!.AsObject(),
                $"seed {options.Seed}, case seed {pending.CaseSeed}");
            log.WriteLine($"  written to found-{pending.Call}.json as {id}");
        }
        return new Finding(pending.Call, pending.CaseSeed, detail, minimal, id);
    }

    // CsCheck's shrinking from the failing case's seed: it keeps generating smaller cases of the same call, and every
    // one that still differs (the oracle answers it and NumNet disagrees) becomes the new smallest.
    private (string Answer, string Detail) Shrink(Pending pending, Verdict verdict, int iterations)
    {
        string smallest = verdict.Answer, detail = verdict.Detail;
        try
        {
            CaseGens.For(pending.Call).Args.Sample(args =>
            {
                var v = Judge(AskOracle([CaseLine("shrink", pending.Call, args)])[0]);
                if (v.Kind != VerdictKind.Failed)
                    return true;
                (smallest, detail) = (v.Answer, v.Detail);
                return false;
            }, seed: pending.CaseSeed, iter: iterations, threads: 1);
        }
        catch (CsCheckException)
        {
            // The expected end: CsCheck reports the smallest failing case, which the predicate kept.
        }
        return (smallest, detail);
    }

    private static string ArgsOf(string answer)
    {
        var node = JsonNode.Parse(answer, documentOptions: new JsonDocumentOptions { MaxDepth = 512 })!;
        return $"{node["call"]} {node["args"]!.ToJsonString()}";
    }

    private static string OneLine(string text) => string.Join(" ", text.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Shorten(string reason)
    {
        reason = OneLine(reason);
        return reason.Length > 120 ? reason[..120] + "…" : reason;
    }
}
