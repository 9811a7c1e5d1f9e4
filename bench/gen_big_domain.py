#!/usr/bin/env python3
"""Write a large, deterministic domain document for the XML benchmark:
a guest with 128 devices of the common families (disks, interfaces,
controllers, serial ports and channels, hostdevs, graphics, video, input,
rng, memballoon), every one with an explicit address or MAC so both
implementations format the same thing.

usage: gen_big_domain.py OUTPUT
"""
import sys


def main():
    out = []
    add = out.append
    add("<domain type='test'>")
    add("  <name>bench-big</name>")
    add("  <uuid>0f0e0d0c-0b0a-4908-8706-050403020100</uuid>")
    add("  <description>A guest with many devices</description>")
    add("  <memory unit='GiB'>8</memory>")
    add("  <currentMemory unit='GiB'>4</currentMemory>")
    add("  <vcpu placement='static'>8</vcpu>")
    add("  <os>")
    add("    <type arch='x86_64'>hvm</type>")
    add("    <boot dev='hd'/>")
    add("  </os>")
    add("  <features><acpi/><apic/><pae/></features>")
    add("  <clock offset='utc'/>")
    add("  <devices>")
    for i in range(40):
        bus = 2 + i // 8
        slot = i % 8
        add(f"    <disk type='file' device='disk'>")
        add(f"      <driver name='qemu' type='qcow2' cache='none'/>")
        add(f"      <source file='/var/lib/images/disk{i}.qcow2'/>")
        add(f"      <target dev='vd{chr(97 + i % 26)}{i // 26 or ''}' "
            f"bus='virtio'/>")
        add(f"      <address type='pci' domain='0x0000' bus='0x{bus:02x}' "
            f"slot='0x{slot:02x}' function='0x0'/>")
        add(f"    </disk>")
    for i in range(8):
        add(f"    <controller type='pci' index='{i + 1}' "
            f"model='pci-bridge'/>")
    for i in range(40):
        add(f"    <interface type='network'>")
        add(f"      <mac address='52:54:00:00:{i // 256:02x}:{i % 256:02x}'/>")
        add(f"      <source network='default'/>")
        add(f"      <model type='virtio'/>")
        add(f"      <address type='pci' domain='0x0000' "
            f"bus='0x{8 + i // 8:02x}' slot='0x{i % 8:02x}' "
            f"function='0x0'/>")
        add(f"    </interface>")
    for i in range(4):
        add(f"    <serial type='pty'><target port='{i}'/></serial>")
    for i in range(16):
        add(f"    <channel type='unix'>")
        add(f"      <source mode='bind' path='/run/bench/ch{i}.sock'/>")
        add(f"      <target type='virtio' name='org.bench.ch{i}'/>")
        add(f"    </channel>")
    for i in range(12):
        add(f"    <hostdev mode='subsystem' type='pci' managed='yes'>")
        add(f"      <source><address domain='0x0000' bus='0x{0x40 + i:02x}' "
            f"slot='0x00' function='0x0'/></source>")
        add(f"    </hostdev>")
    add("    <input type='tablet' bus='usb'/>")
    add("    <graphics type='vnc' port='-1' autoport='yes'/>")
    add("    <video><model type='virtio' heads='1' primary='yes'/></video>")
    add("    <rng model='virtio'><backend model='random'>/dev/urandom"
        "</backend></rng>")
    add("    <memballoon model='virtio'/>")
    add("  </devices>")
    add("</domain>")
    with open(sys.argv[1], 'w') as f:
        f.write('\n'.join(out) + '\n')


if __name__ == '__main__':
    main()
