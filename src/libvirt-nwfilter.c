/* libvirt-nwfilter.c: placeholder until written. */
#include "internal.h"
