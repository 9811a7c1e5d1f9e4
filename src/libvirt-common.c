/* libvirt-common.c: placeholder until written. */
#include "internal.h"
