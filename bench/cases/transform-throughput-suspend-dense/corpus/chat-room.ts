// A chat room server's session handling: authentication, message fan-out,
// history replay and clean disconnects, each an async step on a socket.
export interface Socket {
  receive(): Promise<string | undefined>;
  send(message: string): Promise<void>;
  close(code: number): Promise<void>;
}
export interface Auth { verify(token: string): Promise<{ user: string } | undefined> }
export interface History { append(room: string, line: string): Promise<void>; since(room: string, at: number): Promise<string[]> }

export class Room {
  private readonly members = new Map<string, Socket>();
  readonly failures: string[] = [];

  constructor(readonly name: string, private readonly history: History) {}

  async broadcast(from: string, text: string): Promise<number> {
    const line = from + ': ' + text;
    await this.history.append(this.name, line);
    let delivered = 0;
    const sockets = Array.from(this.members.values());
    for (let i = 0; i < sockets.length; i++) {
      try {
        await sockets[i].send(line);
        delivered++;
      } catch (error) {
        // A member whose socket failed is removed when its own session ends.
        this.failures.push(String(error));
      }
    }
    return delivered;
  }

  async join(user: string, socket: Socket, since: number): Promise<void> {
    const backlog = await this.history.since(this.name, since);
    for (let i = 0; i < backlog.length; i++) await socket.send(backlog[i]);
    this.members.set(user, socket);
    await this.broadcast('server', user + ' joined');
  }

  async leave(user: string): Promise<void> {
    if (!this.members.delete(user)) return;
    await this.broadcast('server', user + ' left');
  }
}

export async function session(socket: Socket, auth: Auth, rooms: Map<string, Room>): Promise<number> {
  const token = await socket.receive();
  const identity = token === undefined ? undefined : await auth.verify(token);
  if (!identity) {
    await socket.close(4001);
    return 0;
  }
  const joined: Room[] = [];
  let messages = 0;
  try {
    for (let raw = await socket.receive(); raw !== undefined; raw = await socket.receive()) {
      const space = raw.indexOf(' ');
      const command = space < 0 ? raw : raw.slice(0, space);
      const rest = space < 0 ? '' : raw.slice(space + 1);
      if (command === '/join') {
        const room = rooms.get(rest);
        if (!room) {
          await socket.send('no such room: ' + rest);
          continue;
        }
        await room.join(identity.user, socket, Date.now() - 60000);
        joined.push(room);
      } else if (command === '/quit') {
        break;
      } else {
        for (let i = 0; i < joined.length; i++) await joined[i].broadcast(identity.user, raw);
        messages++;
      }
    }
  } finally {
    for (let i = 0; i < joined.length; i++) await joined[i].leave(identity.user);
    await socket.close(1000);
  }
  return messages;
}
