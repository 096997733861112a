"""AB-BA deadlock: deleting a device takes the set's lock, then the device's, then
lets go of the set's lock to wait and takes it back (GoKer's Moby4951).

.. code-block:: go

    func (ds *DeviceSet) DeleteDevice(name string) {
        ds.Lock(); defer ds.Unlock()            // A
        info := ds.infos[name]
        info.lock.Lock(); defer info.lock.Unlock() // B
        ds.Unlock(); time.Sleep(300 * time.Nanosecond); ds.Lock() // A again, holding B
    }

Two deletions of the same device: the first holds B and waits for A while the
second holds A and waits for B. Both leak in ``sync.Mutex.Lock``. The fix keeps
A held while waiting, so the order is always A then B.
"""

from __future__ import annotations

import simlab as sl

PROGRAM = "Moby4951"
FILE = "moby4951.go"


class Device:
    def __init__(self, rt: sl.Runtime, name: str):
        self.name = name
        self.mu = rt.mutex()  # B


class DeviceSet:
    def __init__(self, rt: sl.Runtime, names: tuple[str, ...]):
        self.mu = rt.mutex()  # A
        self.devices = {n: Device(rt, n) for n in names}


@sl.gofunc("main.(*DeviceSet_moby4951).DeleteDevice", file=FILE)
def delete_device(rt: sl.Runtime, ds: DeviceSet, name: str):
    yield ds.mu.lock()  # L33
    try:
        device = ds.devices[name]
        yield device.mu.lock()  # L38
        yield rt.gosched()  # L39
        try:
            # the wait for the device to go away, without the set's lock
            ds.mu.unlock()  # L59
            yield rt.sleep(300 * sl.Nanosecond)  # L60
            yield ds.mu.lock()  # L61
        finally:
            device.mu.unlock()
    finally:
        ds.mu.unlock()


@sl.gofunc("main.Moby4951", file=FILE)
def main(rt: sl.Runtime, out: list[str]):
    @sl.gofunc("main.Moby4951.func2", file=FILE)
    def two_deletions():
        ds = DeviceSet(rt, ("info1", "info2"))
        rt.go(delete_device, rt, ds, "info1")  # L98
        rt.go(delete_device, rt, ds, "info1")  # L99

    rt.go(two_deletions)  # L95
    yield rt.sleep(100 * sl.Millisecond)  # L91
    out.append(sl.goroutineleak_profile(rt, 2, roots=[]))  # L92
