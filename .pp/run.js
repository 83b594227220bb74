const { pingPong } = require('./subject');
(async () => {
  for (let i = 0; i < 5; i++) await pingPong(1000000);
  const t = process.cpuUsage();
  for (let i = 0; i < 10; i++) await pingPong(1000000);
  console.log('cpu ms per run', process.cpuUsage(t).user / 1000 / 10);
})();
