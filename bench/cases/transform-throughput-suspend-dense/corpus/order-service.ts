// An order service: every operation awaits a repository, a payment gateway
// or an event bus, as the application layer of a web service does.
export interface OrderLine { sku: string; quantity: number; unitPrice: number }
export interface Customer { id: string; name: string }
export interface Order {
  id: string;
  customerId: string;
  lines: OrderLine[];
  amount: number;
  status: 'placed' | 'shipped' | 'cancelled';
  authorization: string;
}

export interface Repository<T> {
  find(id: string): Promise<T | undefined>;
  save(value: T): Promise<void>;
  list(offset: number, limit: number): Promise<T[]>;
}

export interface PaymentGateway {
  authorize(customer: string, amount: number): Promise<{ id: string; approved: boolean }>;
  capture(authorization: string): Promise<void>;
  refund(authorization: string, amount: number): Promise<void>;
}

export class OrderService {
  constructor(
    private readonly orders: Repository<Order>,
    private readonly customers: Repository<Customer>,
    private readonly payments: PaymentGateway,
    private readonly publish: (topic: string, payload: unknown) => Promise<void>,
  ) {}

  async placeOrder(customerId: string, lines: OrderLine[]): Promise<Order> {
    const customer = await this.customers.find(customerId);
    if (!customer) throw new Error('unknown customer ' + customerId);
    let amount = 0;
    for (let i = 0; i < lines.length; i++) {
      amount += lines[i].quantity * lines[i].unitPrice;
    }
    const authorization = await this.payments.authorize(customer.id, amount);
    if (!authorization.approved) {
      await this.publish('order.declined', { customerId, amount });
      throw new Error('payment declined');
    }
    const order: Order = { id: 'o' + Date.now(), customerId, lines, amount, status: 'placed', authorization: authorization.id };
    try {
      await this.orders.save(order);
    } catch (error) {
      await this.payments.refund(authorization.id, amount);
      throw error;
    }
    await this.publish('order.placed', { id: order.id, amount });
    return order;
  }

  async ship(orderId: string): Promise<Order> {
    const order = await this.orders.find(orderId);
    if (!order) throw new Error('unknown order ' + orderId);
    if (order.status !== 'placed') return order;
    await this.payments.capture(order.authorization);
    order.status = 'shipped';
    await this.orders.save(order);
    await this.publish('order.shipped', { id: order.id });
    return order;
  }

  async cancel(orderId: string, reason: string): Promise<boolean> {
    const order = await this.orders.find(orderId);
    if (!order || order.status === 'cancelled') return false;
    if (order.status === 'shipped') {
      await this.payments.refund(order.authorization, order.amount);
    }
    order.status = 'cancelled';
    await this.orders.save(order);
    await this.publish('order.cancelled', { id: order.id, reason });
    return true;
  }

  async *allOrders(pageSize = 50): AsyncGenerator<Order> {
    for (let offset = 0; ; offset += pageSize) {
      const page = await this.orders.list(offset, pageSize);
      for (let i = 0; i < page.length; i++) yield page[i];
      if (page.length < pageSize) return;
    }
  }

  async revenue(): Promise<number> {
    let total = 0;
    const orders = this.allOrders();
    for (let next = await orders.next(); !next.done; next = await orders.next()) {
      if (next.value.status !== 'cancelled') total += next.value.amount;
    }
    return total;
  }
}
