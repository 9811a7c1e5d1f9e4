/*
 * network_update.h: virNetworkUpdate's edit of one section of a network
 * definition (network_update.c).
 */
#pragma once

#include "network_conf.h"

/* Applies command (virNetworkUpdateCommand) with the element xml to
 * section (virNetworkUpdateSection) of def; parentIndex picks the <ip>
 * of a DHCP section (-1: the obvious one).  def may be partly changed on
 * failure, so callers edit a copy. */
int virNetworkDefUpdateSection(virNetworkDef *def, unsigned int command,
                               unsigned int section, int parentIndex,
                               const char *xml);
