/*
 * test_driver_objects.c: the test driver's secrets, network filters and
 * network updates through the public API, in C so that the sanitizer and
 * valgrind runs of the unit suite cover them (the comparison with
 * upstream is tests/python/check_test_objects.py).
 */
#include <string.h>
#include <glib.h>

#include "libvirt/libvirt.h"
#include "libvirt/virterror.h"

static void
quietErrorFunc(void *userdata G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}

static void
assertLastError(int code)
{
    virErrorPtr err = virGetLastError();

    g_assert_nonnull(err);
    g_assert_cmpint(err->code, ==, code);
}

static int secretEvents;

static void
onSecretValue(virConnectPtr conn G_GNUC_UNUSED,
              virSecretPtr secret G_GNUC_UNUSED, void *opaque G_GNUC_UNUSED)
{
    secretEvents++;
}

static void
test_secrets(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virSecretPtr secret;
    virSecretPtr *all = NULL;
    unsigned char *value;
    size_t size = 0;
    int id;
    int n;
    int i;

    g_assert_nonnull(conn);
    id = virConnectSecretEventRegisterAny(
        conn, NULL, VIR_SECRET_EVENT_ID_VALUE_CHANGED,
        VIR_SECRET_EVENT_CALLBACK(onSecretValue), NULL, NULL);
    g_assert_cmpint(id, >=, 0);

    secret = virSecretDefineXML(conn,
                                "<secret private='no'><usage type='tls'>"
                                "<name>t</name></usage></secret>", 0);
    g_assert_nonnull(secret);
    g_assert_null(virSecretGetValue(secret, &size, 0));
    assertLastError(VIR_ERR_NO_SECRET);
    g_assert_cmpint(virSecretSetValue(secret, (const unsigned char *)"abc",
                                      3, 0), ==, 0);
    g_assert_cmpint(virSecretSetValue(secret, (const unsigned char *)"xy",
                                      2, 0), ==, 0);
    value = virSecretGetValue(secret, &size, 0);
    g_assert_nonnull(value);
    g_assert_cmpuint(size, ==, 2);
    g_assert_cmpmem(value, 2, "xy", 2);
    free(value);

    g_assert_null(virSecretDefineXML(conn,
                                     "<secret><usage type='tls'><name>t"
                                     "</name></usage></secret>", 0));
    assertLastError(VIR_ERR_INTERNAL_ERROR);
    g_assert_null(virSecretDefineXML(conn, "<secret", 0));
    g_assert_null(virSecretDefineXML(conn, "<secret/>", 1u << 9));
    assertLastError(VIR_ERR_INVALID_ARG);

    n = virConnectListAllSecrets(conn, &all, 0);
    g_assert_cmpint(n, ==, 1);
    for (i = 0; i < n; i++)
        virSecretFree(all[i]);
    free(all);

    g_assert_cmpint(virSecretUndefine(secret), ==, 0);
    g_assert_cmpint(virSecretUndefine(secret), ==, -1);
    assertLastError(VIR_ERR_NO_SECRET);
    virSecretFree(secret);
    /* both value changes reach the callback */
    for (i = 0; i < 20 && secretEvents < 2; i++)
        virEventRunDefaultImpl();
    g_assert_cmpint(secretEvents, ==, 2);
    g_assert_cmpint(virConnectSecretEventDeregisterAny(conn, id), ==, 0);
    virConnectClose(conn);
}

static void
test_nwfilters(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virNWFilterPtr fa;
    virNWFilterPtr fb;
    virNWFilterBindingPtr binding;
    g_autofree char *xml = NULL;
    const char *bindingXML =
        "<filterbinding><owner><name>vm</name>"
        "<uuid>e1a5e1f0-1d2b-4c3d-8e4f-5a6b7c8d9e01</uuid></owner>"
        "<portdev name='vnet0'/><mac address='52:54:00:11:22:33'/>"
        "<filterref filter='fb'><parameter name='IP' value='10.0.0.1'/>"
        "</filterref></filterbinding>";

    g_assert_nonnull(conn);
    fa = virNWFilterDefineXML(conn,
                              "<filter name='fa' chain='ipv4'>"
                              "<rule action='drop' direction='in'>"
                              "<ip srcipaddr='$IP'/></rule></filter>");
    g_assert_nonnull(fa);
    fb = virNWFilterDefineXML(conn, "<filter name='fb'>"
                                    "<filterref filter='fa'/></filter>");
    g_assert_nonnull(fb);
    g_assert_null(virNWFilterDefineXML(conn,
                                       "<filter name='fa'><filterref "
                                       "filter='fb'/></filter>"));
    g_assert_null(virNWFilterDefineXML(conn, "<filter name='x'><bogus"));

    binding = virNWFilterBindingCreateXML(conn, bindingXML, 0);
    g_assert_nonnull(binding);
    g_assert_null(virNWFilterBindingCreateXML(conn, bindingXML, 0));
    xml = virNWFilterBindingGetXMLDesc(binding, 0);
    g_assert_nonnull(strstr(xml, "value='10.0.0.1'"));
    g_assert_cmpint(virNWFilterUndefine(fa), ==, -1);
    assertLastError(VIR_ERR_OPERATION_INVALID);
    g_assert_cmpint(virNWFilterBindingDelete(binding), ==, 0);
    g_assert_cmpint(virNWFilterUndefine(fa), ==, 0);
    g_assert_cmpint(virNWFilterUndefine(fb), ==, 0);
    g_assert_cmpint(virConnectNumOfNWFilters(conn), ==, 0);
    virNWFilterBindingFree(binding);
    virNWFilterFree(fa);
    virNWFilterFree(fb);
    virConnectClose(conn);
}

static void
test_network_update(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virNetworkPtr net;
    g_autofree char *xml = NULL;
    unsigned int both = VIR_NETWORK_UPDATE_AFFECT_LIVE |
                        VIR_NETWORK_UPDATE_AFFECT_CONFIG;

    g_assert_nonnull(conn);
    net = virNetworkLookupByName(conn, "default");
    g_assert_nonnull(net);
    g_assert_cmpint(virNetworkUpdate(net,
                                     VIR_NETWORK_UPDATE_COMMAND_ADD_LAST,
                                     VIR_NETWORK_SECTION_IP_DHCP_HOST, -1,
                                     "<host mac='52:54:00:00:00:01' "
                                     "ip='192.168.122.9'/>", both), ==, 0);
    g_assert_cmpint(virNetworkUpdate(net, VIR_NETWORK_UPDATE_COMMAND_MODIFY,
                                     VIR_NETWORK_SECTION_IP_DHCP_HOST, -1,
                                     "<host mac='52:54:00:00:00:01' "
                                     "name='h' ip='192.168.122.8'/>", both),
                    ==, 0);
    g_assert_cmpint(virNetworkUpdate(net,
                                     VIR_NETWORK_UPDATE_COMMAND_ADD_FIRST,
                                     VIR_NETWORK_SECTION_DNS_SRV, -1,
                                     "<srv service='s' protocol='tcp' "
                                     "target='t' port='5'/>", 0), ==, 0);
    g_assert_cmpint(virNetworkUpdate(net,
                                     VIR_NETWORK_UPDATE_COMMAND_ADD_LAST,
                                     VIR_NETWORK_SECTION_PORTGROUP, -1,
                                     "<portgroup name='p'><vlan><tag "
                                     "id='3'/></vlan></portgroup>", 0), ==, 0);
    g_assert_cmpint(virNetworkUpdate(net, VIR_NETWORK_UPDATE_COMMAND_DELETE,
                                     VIR_NETWORK_SECTION_DNS_SRV, -1,
                                     "<srv port='5'/>", 0), ==, -1);
    assertLastError(VIR_ERR_XML_DETAIL);
    g_assert_cmpint(virNetworkUpdate(net, VIR_NETWORK_UPDATE_COMMAND_DELETE,
                                     VIR_NETWORK_SECTION_DNS_TXT, -1,
                                     "<txt name='nope'/>", 0), ==, -1);
    assertLastError(VIR_ERR_OPERATION_INVALID);
    g_assert_cmpint(virNetworkUpdate(net, VIR_NETWORK_UPDATE_COMMAND_DELETE,
                                     VIR_NETWORK_SECTION_IP_DHCP_HOST, -1,
                                     "<host name='h'/>", both), ==, 0);
    g_assert_cmpint(virNetworkUpdate(net, VIR_NETWORK_UPDATE_COMMAND_DELETE,
                                     VIR_NETWORK_SECTION_IP_DHCP_HOST, -1,
                                     "<host", 0), ==, -1);
    xml = virNetworkGetXMLDesc(net, 0);
    g_assert_nonnull(strstr(xml, "<tag id='3'/>"));
    g_assert_null(strstr(xml, "52:54:00:00:00:01"));
    virNetworkFree(net);
    virConnectClose(conn);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    virSetErrorFunc(NULL, quietErrorFunc);
    virEventRegisterDefaultImpl();
    g_test_add_func("/test-driver/secrets", test_secrets);
    g_test_add_func("/test-driver/nwfilters", test_nwfilters);
    g_test_add_func("/test-driver/network-update", test_network_update);
    return g_test_run();
}
