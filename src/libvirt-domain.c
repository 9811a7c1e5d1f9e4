/* libvirt-domain.c: placeholder until written. */
#include "internal.h"
