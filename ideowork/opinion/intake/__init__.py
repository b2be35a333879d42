"""Pure helpers of the intake (no database): reading one arriving record, masking, fingerprints."""
