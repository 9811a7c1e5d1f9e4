/* libvirt-stream.c: placeholder until written. */
#include "internal.h"
