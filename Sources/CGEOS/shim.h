// GEOS's C API (Debian libgeos-dev), re-entrant variant only.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
