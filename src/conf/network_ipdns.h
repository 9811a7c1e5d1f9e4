/*
 * network_ipdns.h: internal to the <network> parser: the <ip> and <dns>
 * parts (network_ipdns.c).
 */
#pragma once

#include "network_conf.h"
#include "conf_xmlprop.h"

/* Parse one <ip> / the <dns> element of network netName into def (zeroed
 * by the caller, cleared by the caller on failure too). */
int virNetworkIPDefParseXML(const char *netName, xmlNodePtr node,
                            virNetworkIPDef *def);
int virNetworkDNSDefParseXML(const char *netName, xmlNodePtr node,
                             virNetworkDNSDef *def);
void virNetworkIPDefClear(virNetworkIPDef *def);

/* Single items, for virNetworkUpdate (network_update.c).  partial: the
 * item is a search key for a removal, so fewer attributes are needed. */
int virNetworkDHCPRangeParseXML(const char *netName, virNetworkIPDef *ipdef,
                                xmlNodePtr node,
                                virNetworkDHCPRangeDef *range);
int virNetworkDHCPHostParseXML(const char *netName, virNetworkIPDef *ipdef,
                               xmlNodePtr node, virNetworkDHCPHostDef *host,
                               bool partial);
int virNetworkDNSHostParseXML(const char *netName, xmlNodePtr node,
                              virNetworkDNSHostDef *def, bool partial);
int virNetworkDNSSrvParseXML(const char *netName, xmlNodePtr node,
                             virNetworkDNSSrvDef *def, bool partial);
int virNetworkDNSTxtParseXML(const char *netName, xmlNodePtr node,
                             virNetworkDNSTxtDef *def, bool partial);
void virNetworkDHCPHostDefClear(virNetworkDHCPHostDef *def);
void virNetworkDNSHostDefClear(virNetworkDNSHostDef *def);
void virNetworkDNSSrvDefClear(virNetworkDNSSrvDef *def);
void virNetworkDNSTxtDefClear(virNetworkDNSTxtDef *def);
void virNetworkDNSDefClear(virNetworkDNSDef *def);

/* Writes fmt (with one %s) for a valid address; nothing otherwise. */
void virNetworkFormatAddr(virBuffer *buf, const char *fmt,
                          const virSocketAddr *addr);
void virNetworkIPDefFormat(virBuffer *buf, const virNetworkIPDef *def);
void virNetworkDNSDefFormat(virBuffer *buf, const virNetworkDNSDef *def);
