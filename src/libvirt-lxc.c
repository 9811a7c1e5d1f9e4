/* libvirt-lxc.c: placeholder until written. */
#include "internal.h"
