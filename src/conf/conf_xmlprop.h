/*
 * conf_xmlprop.h: attribute and child readers that follow upstream's
 * XPath string() and virXPathInt/UInt conventions, where an empty value
 * counts as absent.  Shared by the network, network port and host
 * interface parsers.
 */
#pragma once

#include <libxml/tree.h>

/* An attribute, NULL when absent or empty; a NULL node gives NULL. */
char *virConfXMLPropNonEmpty(xmlNodePtr node, const char *name);
/* A child element's content, NULL when absent or empty; a NULL parent
 * gives NULL. */
char *virConfXMLChildNonEmpty(xmlNodePtr parent, const char *name);
/* A number attribute: 0 absent (or empty), 1 read, -2 not a number;
 * nothing is reported. */
int virConfXMLPropIntRaw(xmlNodePtr node, const char *name, int *result);
int virConfXMLPropUIntRaw(xmlNodePtr node, const char *name,
                          unsigned int *result);
