"""Public-opinion monitoring (舆情监测): schemes, matching, and (later) items, events and warnings."""
