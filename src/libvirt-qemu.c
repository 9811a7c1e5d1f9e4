/* libvirt-qemu.c: placeholder until written. */
#include "internal.h"
