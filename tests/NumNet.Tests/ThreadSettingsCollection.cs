namespace NumNet.Tests;

/// <summary>
/// Tests that change process-wide thread and size settings (<see cref="NumNetSettings.MaxThreads"/>, the CSV reader's
/// and the split cast loop's thresholds) run in this collection, one at a time and apart from every other test.
/// </summary>
[CollectionDefinition(nameof(ThreadSettingsCollection), DisableParallelization = true)]
public sealed class ThreadSettingsCollection;

/// <summary>Runs work with <see cref="NumNetSettings.MaxThreads"/> set for its duration (tests of <see cref="ThreadSettingsCollection"/>).</summary>
internal static class ThreadSettings
{
    /// <summary>The result of <paramref name="work"/> run with <see cref="NumNetSettings.MaxThreads"/> at <paramref name="threads"/>.</summary>
    public static T At<T>(int threads, Func<T> work)
    {
        int saved = NumNetSettings.MaxThreads;
        try
        {
            NumNetSettings.MaxThreads = threads;
            return work();
        }
        finally
        {
            NumNetSettings.MaxThreads = saved;
        }
    }
}
