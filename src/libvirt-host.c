/* libvirt-host.c: placeholder until written. */
#include "internal.h"
