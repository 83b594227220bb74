"use coroutine";
// An actor owns an account's balance: deposits and withdrawals are messages,
// handled one at a time, so no interleaving can overdraw it.
import { actor, scope, TimeoutError } from '@coro/runtime/coroutines';

function account() {
  return actor(async (mailbox) => {
    let balance = 0;
    for await (const message of mailbox) {
      if (message.kind === 'deposit') balance += message.amount;
      else if (message.kind === 'withdraw') {
        if (message.amount > balance) message.reply.fail(new Error(`insufficient funds: ${balance} < ${message.amount}`));
        else message.reply((balance -= message.amount));
      } else if (message.kind === 'balance') message.reply(balance);
    }
  }, { capacity: 8 });
}

export async function main() {
  await scope(async (s) => {
    const bank = account();
    await Promise.all([10, 20, 30].map((amount) => bank.send({ kind: 'deposit', amount })));
    // Three withdrawals at once: the actor handles them one after another.
    const withdrawals = [25, 25, 25].map((amount) => s.launch(async () => {
      try {
        return 'withdrew 25, left ' + (await bank.ask((reply) => ({ kind: 'withdraw', amount, reply })));
      } catch (error) {
        return 'refused: ' + error.message;
      }
    }));
    for (const withdrawal of withdrawals) console.log(await withdrawal);
    console.log('balance:', await bank.ask((reply) => ({ kind: 'balance', reply }), 100));
    try {
      await bank.ask((reply) => ({ kind: 'unknown', reply }), 100);
    } catch (error) {
      console.log('unanswered ask timed out:', error instanceof TimeoutError);
    }
    bank.close();
  });
}
