/* test_driver.c: placeholder until written. */
#include "internal.h"
