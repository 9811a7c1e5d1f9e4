/* libvirt-network.c: placeholder until written. */
#include "internal.h"
