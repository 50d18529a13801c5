// pwsh itself: PowerShell's console host, with the command line as given (-NoProfile, -File, -Command ...).
return Microsoft.PowerShell.UnmanagedPSEntry.Start(args, args.Length);
