'use strict';

const resolved = Promise.resolve(1);

async function l0(i) { const a = await resolved; return i + a; }
async function l1(i) { const a = await resolved; return (await l0(i + a)) + 1; }
async function l2(i) { const a = await resolved; return (await l1(i + a)) + 1; }
async function l3(i) { const a = await resolved; return (await l2(i + a)) + 1; }
async function l4(i) { const a = await resolved; return (await l3(i + a)) + 1; }
async function l5(i) { const a = await resolved; return (await l4(i + a)) + 1; }
async function l6(i) { const a = await resolved; return (await l5(i + a)) + 1; }
async function l7(i) { const a = await resolved; return (await l6(i + a)) + 1; }
async function l8(i) { const a = await resolved; return (await l7(i + a)) + 1; }
async function l9(i) { const a = await resolved; return (await l8(i + a)) + 1; }

exports.l9 = l9;
