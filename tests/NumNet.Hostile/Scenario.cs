namespace NumNet.Hostile;

/// <summary>Marks a public static method as a scenario the child-process runner can start by name.</summary>
/// <remarks>
/// A scenario returns normally when NumNet behaved, and throws <see cref="ScenarioFailedException"/> (or anything
/// else) when it did not. A crash of the process is also a failure, which is the point of running it apart.
/// </remarks>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScenarioAttribute(string name) : Attribute
{
    /// <summary>The name given on the command line.</summary>
    public string Name { get; } = name;
}

/// <summary>A scenario saw NumNet do something it must not.</summary>
public sealed class ScenarioFailedException(string message) : Exception(message);

/// <summary>Checks used inside scenarios.</summary>
public static class Expect
{
    /// <summary>Fails the scenario with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    public static void That(bool condition, string message)
    {
        if (!condition)
            throw new ScenarioFailedException(message);
    }
}
