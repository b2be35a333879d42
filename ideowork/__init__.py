"""ideowork: the platform an organ uses to run its annual ideological-work programme."""
