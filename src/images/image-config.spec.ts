import { createdAt, envVars, exposedPorts } from './image-config';

describe('image config', () => {
  it('turns exposed ports into named container ports, sorted by port', () => {
    expect(
      exposedPorts({
        '443/tcp': {},
        '53/udp': {},
        '80/tcp': {},
        '53/tcp': {},
        '8080': {},
        '9000-9001/tcp': {},
        '7/icmp': {},
      }),
    ).toEqual([
      { name: 'tcp-53', protocol: 'TCP', containerPort: 53 },
      { name: 'udp-53', protocol: 'UDP', containerPort: 53 },
      { name: 'tcp-80', protocol: 'TCP', containerPort: 80 },
      { name: 'tcp-443', protocol: 'TCP', containerPort: 443 },
      { name: 'tcp-8080', protocol: 'TCP', containerPort: 8080 },
    ]);
    expect(exposedPorts(null)).toEqual([]);
    expect(exposedPorts({ '0/tcp': {}, '70000/tcp': {}, '132/SCTP': {} })).toEqual([
      { name: 'sctp-132', protocol: 'SCTP', containerPort: 132 },
    ]);
  });

  it('splits env entries at the first =', () => {
    expect(envVars(['PATH=/usr/bin:/bin', 'OPTS=a=b', 'EMPTY=', 'BARE', '', '=x'])).toEqual([
      { name: 'PATH', value: '/usr/bin:/bin' },
      { name: 'OPTS', value: 'a=b' },
      { name: 'EMPTY', value: '' },
      { name: 'BARE', value: '' },
    ]);
  });

  it('reads the creation time, ignoring Go zero time and nonsense', () => {
    expect(createdAt('2024-05-01T10:00:00.123456789Z')?.toISOString()).toBe('2024-05-01T10:00:00.123Z');
    expect(createdAt('0001-01-01T00:00:00Z')).toBeNull();
    expect(createdAt('yesterday')).toBeNull();
    expect(createdAt(undefined)).toBeNull();
  });
});
