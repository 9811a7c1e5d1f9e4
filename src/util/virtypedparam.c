/* virtypedparam.c: placeholder until written. */
#include "internal.h"
