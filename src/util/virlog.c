/* virlog.c: placeholder until written. */
#include "internal.h"
