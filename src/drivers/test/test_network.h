/*
 * test_network.h: what the test driver's network files share: the
 * network object, its ports and the lookups.  test_network.c keeps the
 * networks themselves; test_network_port.c their ports and DHCP leases.
 */
#pragma once

#include "test_driver.h"
#include "test_objlist.h"
#include "conf/network_conf.h"
#include "conf/networkport_conf.h"

typedef struct _testNet testNet;
struct _testNet {
    virNetworkDef *def;         /* what XMLDesc shows */
    virNetworkDef *newDef;      /* a configuration kept aside while live */
    bool active;
    bool persistent;
    bool autostart;

    /* Ports exist while the network runs; the list's own lock is
     * unused: the network list's lock covers them. */
    testObjList *ports;         /* virNetworkPortDef, by UUID */
    unsigned long long floorSum; /* inbound floors of the plugged ports */
    GHashTable *classIDs;       /* the QoS class ids in use */
};

struct _testNetworkState {
    testObjList *objs;          /* testNet */
};

/* The network (lock held) or NULL with NO_NETWORK reported. */
testNet *testNetFindByUUID(testNetworkState *st, const unsigned char *uuid);

#define TEST_NETWORK_LOCK(conn) \
    testDriver *driver = (conn)->privateData; \
    testNetworkState *st = driver->networks; \
    TEST_OBJLIST_LOCK(st->objs)

/* test_network_port.c */
void testNetPortsInit(testNet *net);
void testNetPortsFree(testNet *net);
/* Unplugs and forgets every port, as stopping the network does. */
void testNetPortsDeleteAll(testNet *net);

int testNetworkGetDHCPLeases(virNetworkPtr obj, const char *mac,
                             virNetworkDHCPLeasePtr **leases,
                             unsigned int flags);
int testNetworkListAllPorts(virNetworkPtr obj, virNetworkPortPtr **ports,
                            unsigned int flags);
virNetworkPortPtr testNetworkPortLookupByUUID(virNetworkPtr obj,
                                              const unsigned char *uuid);
virNetworkPortPtr testNetworkPortCreateXML(virNetworkPtr obj,
                                           const char *xml,
                                           unsigned int flags);
char *testNetworkPortGetXMLDesc(virNetworkPortPtr port, unsigned int flags);
int testNetworkPortDelete(virNetworkPortPtr port, unsigned int flags);
int testNetworkPortSetParameters(virNetworkPortPtr port,
                                 virTypedParameterPtr params, int nparams,
                                 unsigned int flags);
int testNetworkPortGetParameters(virNetworkPortPtr port,
                                 virTypedParameterPtr *params, int *nparams,
                                 unsigned int flags);
