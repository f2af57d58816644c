using NumNet.Cli;

return CommandLine.Run(args);
