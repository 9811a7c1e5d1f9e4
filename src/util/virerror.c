/* virerror.c: placeholder until written. */
#include "internal.h"
