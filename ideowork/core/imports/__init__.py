"""Reading bulk data from uploaded Excel files. Readers validate; services in ``actions`` write."""
