/* libvirt-error.c: placeholder until written. */
#include "internal.h"
