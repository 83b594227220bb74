const { repeatChains } = require('./cc');
(async () => {
  for (let i = 0; i < 5; i++) await repeatChains(100000, 10);
  const t = process.cpuUsage();
  for (let i = 0; i < 20; i++) await repeatChains(100000, 10);
  console.log('cpu ms per run', process.cpuUsage(t).user / 1000 / 20);
})();
