namespace NumNet.Tests;

/// <summary>
/// Tests that change process-wide thread and size settings (<see cref="NumNetSettings.MaxThreads"/>, the CSV reader's
/// and the split cast loop's thresholds) run in this collection, one at a time and apart from every other test.
/// </summary>
[CollectionDefinition(nameof(ThreadSettingsCollection), DisableParallelization = true)]
public sealed class ThreadSettingsCollection;
