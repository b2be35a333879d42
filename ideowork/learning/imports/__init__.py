"""Reading bulk data of the learning area from uploaded Excel files; services in ``actions`` write."""
